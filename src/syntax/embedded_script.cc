#include "syntax/embedded_script.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "syntax/markup_tag.h"

namespace psm {
namespace {

// Pages and the server-side templates that render them (Twig, Razor, JSP,
// Handlebars, Mustache, Nunjucks, Liquid, Smarty, ASP.NET, Groovy and
// FreeMarker pages as well): their inline scripts share the page's globals.
constexpr std::array<std::string_view, 48> kContainers = {
    ".html", ".htm", ".vue", ".php", ".phtml", ".ejs", ".erb", ".svelte",
    ".twig", ".cshtml", ".jsp", ".hbs", ".handlebars", ".mustache", ".njk",
    ".liquid", ".tpl", ".aspx", ".gsp", ".ftl", ".ascx", ".xhtml", ".j2",
    ".jinja", ".jinja2", ".latte", ".vm", ".astro", ".razor", ".pug", ".jade",
    ".haml", ".slim",
    // Salesforce Commerce Cloud (ISML), CakePHP, ColdFusion, classic ASP,
    // FreeMarker HTML, Phoenix, Phalcon Volt, Mako, Go and other `.tmpl`,
    // JSP fragments, Marko, Dust, Salesforce Visualforce pages and
    // components.
    ".isml", ".ctp", ".cfm", ".asp", ".ftlh", ".eex", ".heex", ".volt", ".mako",
    ".tmpl", ".jspf", ".marko", ".dust", ".page", ".component"};

// Templates whose scripts are not `<script>` elements (`script.` in Pug,
// `:javascript` in Haml and Slim): the tool does not find their scripts,
// so a name written anywhere in them counts as read (IsOpaqueTemplate).
constexpr std::array<std::string_view, 4> kOpaqueTemplates = {".pug", ".jade",
                                                              ".haml", ".slim"};

// Script types that hold JavaScript; anything else (templates, JSON) is not.
// Consent managers (Cookiebot, OneTrust, Klaro) mark the scripts they run
// once the visitor agrees as `text/plain`.
constexpr std::array<std::string_view, 11> kScriptTypes = {
    "",
    "text/javascript",
    "application/javascript",
    "application/x-javascript",
    "text/ecmascript",
    "application/ecmascript",
    "module",
    "text/babel",
    "text/jsx",
    "text/typescript",
    "text/plain"};

// Elements whose content is text, not markup: a `<script>` written inside
// them is not a script. <noscript> content never runs as script either.
// ISML's <iscomment> is left out of the page by the server.
constexpr std::array<std::string_view, 8> kTextElements = {
    "textarea", "title",   "style",    "xmp",
    "noscript", "noembed", "noframes", "iscomment"};

uint32_t Size(std::string_view s) { return static_cast<uint32_t>(s.size()); }

template <size_t N>
bool OneOf(std::string_view s, const std::array<std::string_view, N>& list) {
  for (std::string_view item : list) {
    if (s == item) return true;
  }
  return false;
}

// Attributes whose value the browser or framework runs as JavaScript.
// Svelte's `{...}` values are expressions whatever the name.
bool IsHandler(std::string_view name, char delimiter) {
  if (delimiter == '{') return !name.empty();
  return (name.size() > 2 && name.starts_with("on")) || name.starts_with("@") ||
         name.starts_with("v-on:");
}

bool HasCharacterReference(std::string_view s) {
  for (size_t at = s.find('&'); at != std::string_view::npos;
       at = s.find('&', at + 1)) {
    if (at + 1 < s.size() &&
        (s[at + 1] == '#' ||
         std::isalpha(static_cast<unsigned char>(s[at + 1]))))
      return true;
  }
  return false;
}

// Just past the comment at `open`; `<!-->` and `<!--->` are whole comments.
uint32_t CommentEnd(std::string_view s, uint32_t open) {
  std::string_view rest = s.substr(open + 4);
  if (rest.starts_with(">")) return open + 5;
  if (rest.starts_with("->")) return open + 6;
  size_t end = s.find("-->", open + 4);
  return end == std::string_view::npos ? Size(s) : end + 3;
}

// Replaces template islands in [begin, end) of `view` by filler.
void MaskIslands(std::string& view, size_t begin, size_t end,
                 IslandKinds kinds) {
  std::string_view s = view;
  for (size_t i = begin; i + 1 < end; ++i) {
    size_t stop =
        std::min<size_t>(SkipIsland(s, static_cast<uint32_t>(i), kinds), end);
    if (stop == i) continue;
    // A comment leaves nothing in the page: it reads as a JavaScript
    // comment of the same length (`/*   */`, newlines kept), so edits treat
    // it as they treat one. Other islands become a name.
    bool comment = IsTemplateComment(s.substr(i, stop - i)) && stop - i >= 4;
    char fill = comment ? ' ' : '_';
    size_t resume =
        std::min<size_t>(LiteralBlockEnd(s, static_cast<uint32_t>(i),
                                         static_cast<uint32_t>(stop)),
                         end);
    for (size_t k = i; k < stop; ++k) {
      if (view[k] != '\n' && view[k] != '\r') view[k] = fill;
    }
    if (comment) {
      view[i] = view[stop - 2] = '/';
      view[i + 1] = view[stop - 1] = '*';
      std::swap(view[stop - 2], view[stop - 1]);  // `*/`
    }
    i = resume - 1;
  }
}

// Walks the markup once, copying the JavaScript regions into the view.
class ViewBuilder {
 public:
  ViewBuilder(std::string_view text, IslandKinds islands) : text_(text) {
    view_.islands = islands;
    view_.text.assign(text.size(), ' ');
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || text[i] == '\r') view_.text[i] = text[i];
    }
  }

  ScriptView Build() && {
    size_t open = text_.find('<', (view_.islands & kCodeFrontmatter)
                                      ? Frontmatter()
                                      : 0);
    while (open != std::string_view::npos) {
      open = text_.find('<', Step(static_cast<uint32_t>(open)));
    }
    return std::move(view_);
  }

 private:
  // Handles the markup at `open` (a '<'); returns where to go on.
  uint32_t Step(uint32_t open) {
    std::string_view rest = text_.substr(open);
    if (rest.starts_with("<!--")) return CommentEnd(text_, open);
    if (uint32_t past = SkipIsland(text_, open); past != open) return past;
    if (rest.starts_with("<!") || rest.starts_with("</")) {
      size_t end = text_.find('>', open);
      return end == std::string_view::npos ? Size(text_) : end + 1;
    }
    if (rest.size() > 1 && std::isalpha(static_cast<unsigned char>(rest[1])))
      return Element(open);
    return open + 1;
  }

  // Keeps an Astro component's frontmatter, the code between a `---` line
  // at the top and the next `---` line, as TypeScript; returns where the
  // markup starts (0 without one).
  uint32_t Frontmatter() {
    size_t start = text_.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || !text_.substr(start).starts_with("---"))
      return 0;
    size_t body = text_.find('\n', start);
    if (body == std::string_view::npos) return 0;
    size_t close = text_.find("\n---", body);
    if (close == std::string_view::npos) return 0;
    view_.language = Language::kTypeScript;
    Keep({static_cast<uint32_t>(body + 1), static_cast<uint32_t>(close + 1)});
    size_t end = text_.find('\n', close + 1);
    return end == std::string_view::npos ? Size(text_) : Size(text_.substr(0, end));
  }

  uint32_t Element(uint32_t open) {
    StartTag tag = ReadStartTag(text_, open);
    for (const TagAttribute& a : tag.attributes) {
      if (IsHandler(Lowered(a.name.In(text_)), a.delimiter)) Handler(a);
    }
    std::string name = Lowered(tag.name.In(text_));
    if (name == "script") return Script(tag);
    if (!OneOf(name, kTextElements)) return tag.end;
    size_t close = FindNoCase(text_, "</" + name, tag.end);
    return close == std::string_view::npos ? Size(text_) : close;
  }

  uint32_t Script(const StartTag& tag) {
    size_t close = FindNoCase(text_, "</script", tag.end);
    uint32_t end = close == std::string_view::npos ? Size(text_) : close;
    std::string type = AttributeValue(text_, tag, "type");
    if (!OneOf(type, kScriptTypes)) return end;
    std::string lang = AttributeValue(text_, tag, "lang");
    if (lang == "ts" || lang == "typescript" || type == "text/typescript") {
      view_.language = Language::kTypeScript;
    }
    Fence(tag.end - 1, ';');
    Fence(end, ';');
    Keep({tag.end, end});
    return end;
  }

  void Handler(const TagAttribute& a) {
    if (a.value.empty()) return;
    if (a.delimiter != '{' && HasCharacterReference(a.value.In(text_))) {
      view_.encoded_handlers.push_back(a.value);
      return;
    }
    if (a.delimiter == '{') {  // `={x}` reads `;(x)`: an expression
      Fence(a.value.begin - 2, ';');
      Fence(a.value.begin - 1, '(');
      Fence(a.value.end, ')');
      Fence(a.value.end + 1, ';');
    } else {
      Fence(a.value.begin - 1, ';');
      Fence(a.value.end, ';');
    }
    Keep(a.value);
  }

  // Ends the statement before or after a region, so that regions never run
  // into each other: `a()` then `(b)` would read as one call.
  void Fence(uint32_t at, char c) {
    if (at < view_.text.size() && view_.text[at] == ' ') view_.text[at] = c;
  }

  void Keep(ByteRange r) {
    for (uint32_t k = r.begin; k < r.end; ++k) view_.text[k] = text_[k];
    MaskIslands(view_.text, r.begin, r.end, view_.islands);
    view_.regions.push_back(r);
  }

  std::string_view text_;
  ScriptView view_;
};

}  // namespace

bool IsScriptContainer(std::string_view path) {
  for (std::string_view ext : kContainers) {
    if (path.size() > ext.size() && path.ends_with(ext)) return true;
  }
  return false;
}

bool IsOpaqueTemplate(std::string_view path) {
  for (std::string_view ext : kOpaqueTemplates) {
    if (path.size() > ext.size() && path.ends_with(ext)) return true;
  }
  return false;
}

ScriptView MaskScriptContainer(std::string_view text, IslandKinds islands) {
  return ViewBuilder(text, islands).Build();
}

bool SameMarkup(std::string_view before, const ScriptView& before_view,
                std::string_view after, const ScriptView& after_view) {
  const std::vector<ByteRange>& a = before_view.regions;
  const std::vector<ByteRange>& b = after_view.regions;
  if (a.size() != b.size()) return false;
  uint32_t from_a = 0, from_b = 0;
  for (size_t k = 0; k <= a.size(); ++k) {
    uint32_t to_a = k < a.size() ? a[k].begin : Size(before);
    uint32_t to_b = k < b.size() ? b[k].begin : Size(after);
    if (before.substr(from_a, to_a - from_a) !=
        after.substr(from_b, to_b - from_b))
      return false;
    if (k < a.size()) {
      from_a = a[k].end;
      from_b = b[k].end;
    }
  }
  return true;
}

}  // namespace psm
