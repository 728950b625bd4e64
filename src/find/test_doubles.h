#ifndef PSM_FIND_TEST_DOUBLES_H_
#define PSM_FIND_TEST_DOUBLES_H_

#include <tree_sitter/api.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace psm {

// The objects whose createSource a test in this file replaces with a
// double: `dr.createSource = jest.fn()` (or vi.fn, sinon.stub / spy / fake,
// jasmine.createSpy, chained `.mockResolvedValue(...)` and the like),
// `sinon.stub(dr, 'createSource')`, `jest.spyOn(dr, 'createSource')
// .mockImplementation(...)`, Jasmine's `spyOn(dr, 'createSource')` (not
// `.and.callThrough()`) and `dr = jasmine.createSpyObj('DR',
// ['createSource'])`, and an object `sinon.createStubInstance(...)` makes. A
// call through such an object runs the double, not DigitalRiver.js, so its
// payload is the test's to keep.
class TestDoubles {
 public:
  // Looks at one occurrence of the method's name (`up`: its ancestors,
  // parent first).
  void Note(TSNode name, std::span<const TSNode> up, std::string_view source);

  // Looks once at the whole file for makers of stub objects
  // (`sinon.createStubInstance`, `jasmine.createSpyObj`); before Replaces.
  void NoteStubMakers(std::string_view source);

  // True when `receiver` is written as an object noted above is.
  bool Replaces(TSNode receiver, std::string_view source) const;

 private:
  // The module a `jest.mock(module, factory)` (or vi.mock) fakes, when the
  // name at `name` is a createSource double in the factory; "" otherwise.
  std::string MockedModule(TSNode name, std::span<const TSNode> up,
                           std::string_view source) const;
  // Whether `receiver` comes from a mocked module's import.
  bool FromMockedModule(TSNode receiver, std::string_view source) const;

  std::vector<std::string> receivers_;
  std::vector<std::string> mocked_modules_;
  // Whether the file names a maker of stub objects (see Replaces): set by
  // Note's caller before the sites are inspected, on one thread (a large
  // file's halves then read it on two).
  bool makes_stubs_ = false;
};

// True for a value made by a test-double maker (`jest.fn()`, ...).
bool IsTestDouble(TSNode value, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_TEST_DOUBLES_H_
