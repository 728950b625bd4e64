#include "find/test_doubles.h"

#include <algorithm>
#include <array>
#include <optional>

#include "common/strings.h"
#include "find/module_request.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

bool IsDoubleMaker(std::string_view callee) {
  static constexpr std::array<std::string_view, 6> kMakers = {
      "jest.fn",   "vi.fn",      "sinon.stub",
      "sinon.spy", "sinon.fake", "jasmine.createSpy"};
  return std::find(kMakers.begin(), kMakers.end(), callee) != kMakers.end() ||
         callee.starts_with("sinon.fake.");  // sinon.fake.resolves(x)
}

// Makers that put a fake in place of `obj[name]` given as (obj, name, ...):
// sinon's `stub` (also a sandbox's: `sandbox.stub`, `this.sinon.stub`),
// `sinon.replace` (and a sandbox's), testdouble's `td.replace`.
bool ReplacesMethod(std::string_view maker) {
  if (maker == "sinon.stub" || maker == "td.replace" ||
      maker == "sinon.replace")
    return true;
  size_t dot = maker.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string_view object = maker.substr(0, dot), method = maker.substr(dot + 1);
  bool sandbox = Lowered(object).find("sandbox") != std::string::npos ||
                 object.ends_with("sinon");
  return sandbox && (method == "stub" || method == "replace");
}

// `jest.spyOn(dr, 'createSource')` calls through to the real method until
// told otherwise (`.mockImplementation(...)`, `.mockResolvedValue(...)`).
bool IsSpyMaker(std::string_view callee) {
  return callee == "jest.spyOn" || callee == "vi.spyOn";
}

// Jasmine's `spyOn(dr, 'createSource')` replaces the method with a spy that
// returns undefined, unless told `.and.callThrough()`.
bool IsJasmineSpyReplacing(TSNode call, std::span<const TSNode> up,
                           std::string_view source) {
  if (up.size() >= 3 && node::Is(up[0], "member_expression") &&
      ts_node_eq(node::Field(up[0], "object"), call) &&
      node::Text(node::Field(up[0], "property"), source) == "and" &&
      node::Is(up[1], "member_expression") &&
      node::Text(node::Field(up[1], "property"), source) == "callThrough")
    return false;
  return true;
}

// The variable a `jasmine.createSpyObj('DigitalRiver', ['createSource'])`
// (or `{ createSource: value }`) is kept in, when `name` names the method
// in it (`up`: its ancestors); null otherwise.
TSNode SpyObjectHolder(TSNode name, std::span<const TSNode> up,
                       std::string_view source) {
  size_t at = 0;
  if (node::Is(name, "string_fragment") && up.size() > 1 &&
      node::Is(up[0], "string") && node::Is(up[1], "array")) {
    at = 2;
  } else if (node::Is(name, "property_identifier") && up.size() > 1 &&
             node::Is(up[0], "pair") && node::Is(up[1], "object")) {
    at = 2;
  } else {
    return TSNode{};
  }
  if (up.size() < at + 3 || !node::Is(up[at], "arguments") ||
      !node::Is(up[at + 1], "call_expression") ||
      node::Text(node::Unwrap(node::Field(up[at + 1], "function")), source) !=
          "jasmine.createSpyObj")
    return TSNode{};
  TSNode holder = up[at + 2];
  if (node::Is(holder, "variable_declarator"))
    return node::Field(holder, "name");
  if (node::Is(holder, "assignment_expression"))
    return node::Field(holder, "left");
  return TSNode{};
}

// True when the spy `call` is given a fake at once:
// `jest.spyOn(dr, 'm').mockResolvedValue(v)` (`up`: its ancestors).
bool IsMockedFurther(TSNode call, std::span<const TSNode> up,
                     std::string_view source) {
  return up.size() >= 2 && node::Is(up[0], "member_expression") &&
         ts_node_eq(node::Field(up[0], "object"), call) &&
         node::Text(node::Field(up[0], "property"), source)
             .starts_with("mock") &&
         node::Is(up[1], "call_expression");
}

}  // namespace

bool IsTestDouble(TSNode value, std::string_view source) {
  // Down the chain `maker(...).and.returnValue(...)` to its maker.
  for (TSNode n = node::Unwrap(value); !ts_node_is_null(n);) {
    if (node::Is(n, "call_expression")) {
      n = node::Unwrap(node::Field(n, "function"));
      if (IsDoubleMaker(node::Text(n, source))) return true;
    } else if (node::Is(n, "member_expression")) {
      n = node::Unwrap(node::Field(n, "object"));
    } else {
      return false;
    }
  }
  return false;
}

namespace {

// `jest.mock`, `jest.doMock`, `vi.mock`, `vi.doMock`: a module's fake.
bool IsModuleMocker(std::string_view callee) {
  return callee == "jest.mock" || callee == "jest.doMock" ||
         callee == "vi.mock" || callee == "vi.doMock";
}

}  // namespace

std::string TestDoubles::MockedModule(TSNode name, std::span<const TSNode> up,
                                      std::string_view source) const {
  // `createSource: jest.fn(...)` (or a method) in an object literal...
  if (!node::Is(up[0], "pair") ||
      !IsTestDouble(node::Field(up[0], "value"), source))
    return "";
  // ... somewhere in the factory of a module mocker.
  for (size_t i = 1; i + 1 < up.size(); ++i) {
    if (!node::Is(up[i], "arguments") || !node::Is(up[i + 1], "call_expression"))
      continue;
    std::string_view callee =
        node::Text(node::Unwrap(node::Field(up[i + 1], "function")), source);
    if (!IsModuleMocker(callee)) continue;
    std::vector<TSNode> args = node::Arguments(up[i + 1]);
    std::string specifier;
    if (args.size() < 2 ||
        !node::StringLiteralValue(args[0], source, &specifier))
      return "";
    return specifier;
  }
  (void)name;
  return "";
}

bool TestDoubles::FromMockedModule(TSNode receiver,
                                   std::string_view source) const {
  // `dr` of `const dr = getDr()`, `api.dr`, `getDr().createSource`: its root
  // name, through variables given a call or a member of one.
  TSNode root = receiver;
  for (int hop = 0; hop < 4; ++hop) {
    while (node::Is(root, "member_expression") ||
           node::Is(root, "call_expression") ||
           node::Is(root, "await_expression") ||
           node::Is(root, "parenthesized_expression")) {
      root = node::Is(root, "member_expression")
                 ? node::Field(root, "object")
             : node::Is(root, "call_expression")
                 ? node::Field(root, "function")
                 : ts_node_named_child(root, 0);
    }
    if (!node::Is(root, "identifier")) return false;
    std::string_view name = node::Text(root, source);
    Binding b = ResolveName(name, root, source);
    if (b.kind == Binding::Kind::kImported) {
      std::optional<ModuleRef> ref = ImportedAs(b, name, source);
      return ref && std::find(mocked_modules_.begin(), mocked_modules_.end(),
                              ref->specifier) != mocked_modules_.end();
    }
    if (b.kind != Binding::Kind::kVariable) return false;
    root = node::Unwrap(node::Field(b.declarator, "value"));
  }
  return false;
}

void TestDoubles::Note(TSNode name, std::span<const TSNode> up,
                       std::string_view source) {
  if (up.size() < 3) return;
  // dr.createSource = jest.fn()
  if (node::Is(name, "property_identifier") &&
      node::Is(up[0], "member_expression") &&
      node::Is(up[1], "assignment_expression") &&
      ts_node_eq(node::Field(up[1], "left"), up[0]) &&
      IsTestDouble(node::Field(up[1], "right"), source)) {
    TSNode object = node::Unwrap(node::Field(up[0], "object"));
    receivers_.emplace_back(node::Text(object, source));
    return;
  }
  // jest.mock('../src/drjs', () => ({ getDr: () => ({ createSource:
  // jest.fn() }) })): what the test imports from that module is the fake.
  if (std::string module = MockedModule(name, up, source); !module.empty()) {
    mocked_modules_.push_back(std::move(module));
    return;
  }
  // const dr = jasmine.createSpyObj('DigitalRiver', ['createSource'])
  if (TSNode holder = SpyObjectHolder(name, up, source);
      !ts_node_is_null(holder)) {
    receivers_.emplace_back(node::Text(holder, source));
    return;
  }
  // sinon.stub(dr, 'createSource'), jest.spyOn(dr, 'createSource').mockX(),
  // Jasmine's spyOn(dr, 'createSource')
  if (!node::Is(name, "string_fragment") || !node::Is(up[1], "arguments") ||
      !node::Is(up[2], "call_expression")) {
    return;
  }
  std::vector<TSNode> args = node::Arguments(up[2]);
  std::string_view maker =
      node::Text(node::Unwrap(node::Field(up[2], "function")), source);
  bool replaced =
      ReplacesMethod(maker) ||
      (IsSpyMaker(maker) && IsMockedFurther(up[2], up.subspan(3), source)) ||
      (maker == "spyOn" && IsJasmineSpyReplacing(up[2], up.subspan(3), source));
  if (replaced && args.size() >= 2 && ts_node_eq(args[1], up[0])) {
    receivers_.emplace_back(node::Text(node::Unwrap(args[0]), source));
  }
}

void TestDoubles::NoteStubMakers(std::string_view source) {
  makes_stubs_ = source.find("createStubInstance") != std::string_view::npos ||
                 source.find("createSpyObj") != std::string_view::npos;
}

bool TestDoubles::Replaces(TSNode receiver, std::string_view source) const {
  if (ts_node_is_null(receiver)) return false;
  receiver = node::Unwrap(receiver);
  std::string_view text = node::Text(receiver, source);
  if (std::find(receivers_.begin(), receivers_.end(), text) != receivers_.end())
    return true;
  if (!mocked_modules_.empty() && FromMockedModule(receiver, source))
    return true;
  // `const dr = sinon.createStubInstance(DigitalRiverClient)`: an object
  // of stubs (also `jasmine.createSpyObj(...)` with its methods computed).
  if (!makes_stubs_ || !node::Is(receiver, "identifier")) return false;
  Binding b = ResolveName(text, receiver, source);
  if (b.kind != Binding::Kind::kVariable) return false;
  TSNode value = node::Unwrap(node::Field(b.declarator, "value"));
  if (!node::Is(value, "call_expression")) return false;
  std::string_view maker =
      node::Text(node::Unwrap(node::Field(value, "function")), source);
  return maker == "sinon.createStubInstance" || maker == "jasmine.createSpyObj";
}

}  // namespace psm
