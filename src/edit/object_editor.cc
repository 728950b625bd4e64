#include "edit/object_editor.h"

#include "common/text_lines.h"

namespace psm {
namespace {

// Where a member's text stops: after its comma when it has one.
uint32_t EndWithComma(const Member& m) {
  return m.comma ? m.comma->end : m.range.end;
}

class ObjectEditor {
 public:
  ObjectEditor(std::string_view text, const ObjectLiteral& object,
               const std::vector<size_t>& remove,
               const std::optional<NewMember>& add)
      : text_(text), object_(object), members_(object.members), add_(add) {
    removed_.assign(members_.size(), false);
    for (size_t i : remove) {
      if (i < removed_.size()) removed_[i] = true;
    }
    trailing_comma_ = !members_.empty() && members_.back().comma.has_value();
    last_survivor_ = -1;
    for (size_t i = 0; i < members_.size(); ++i) {
      if (!removed_[i]) last_survivor_ = static_cast<int>(i);
    }
    // The new member becomes the last one when it follows the last survivor.
    new_is_last_ =
        add_ && add_->after && static_cast<int>(*add_->after) == last_survivor_;
  }

  std::optional<EditSet> Run() {
    if (object_.statements) return RunStatements();
    if (add_ && !add_->after && last_survivor_ < 0 && !members_.empty())
      return ReplaceAll();
    for (size_t i = 0; i < members_.size();) {
      if (!removed_[i]) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j + 1 < members_.size() && removed_[j + 1] &&
             !CommentBetween(members_[j], members_[j + 1]))
        ++j;
      if (!RemoveRun(i, j)) return std::nullopt;
      i = j + 1;
    }
    if (!FixTrailingComma()) return std::nullopt;
    if (add_ && !Insert()) return std::nullopt;
    return std::move(edits_);  // the editor is done
  }

 private:
  bool Add(uint32_t begin, uint32_t end, std::string replacement) {
    return !edits_.Add({{begin, end}, std::move(replacement)}).has_value();
  }

  // Every member goes and one comes (a payload whose type is given apart):
  // the new member takes the place of them all, the layout around stays.
  std::optional<EditSet> ReplaceAll() {
    if (!Add(members_.front().range.begin, members_.back().range.end,
             Written(&members_.front()))) {
      return std::nullopt;
    }
    return std::move(edits_);  // the editor is done
  }

  // Whether a comment stands between member `a` (and its comma) and the
  // next member `b`: two removed members around it are removed apart, so
  // that the comment stays (`amount: 1,\n // liveMode: false,\n currency`).
  // Only blanks and comments stand there: `//`, `/* */`, and PHP's `#`.
  bool CommentBetween(const Member& a, const Member& b) const {
    uint32_t end = EndWithComma(a);
    if (end >= b.range.begin) return false;
    return text_.substr(end, b.range.begin - end).find_first_of("/#") !=
           std::string_view::npos;
  }

  // Removes members i..j, which are consecutive and all to go (the member
  // before, if any, may go too, in a run of its own: see CommentBetween).
  bool RemoveRun(size_t i, size_t j) {
    const Member& first = members_[i];
    const Member& last = members_[j];
    uint32_t end = EndWithComma(last);
    uint32_t next_line = 0;
    bool rest_is_trivia = text::OnlyTriviaAfter(text_, end, &next_line);
    if (rest_is_trivia && text::OnlyBlanksBefore(text_, first.range.begin)) {
      // The run owns its lines: they go whole. Comment lines above it stay:
      // everything outside the removed properties is kept byte for byte.
      removed_last_by_lines_ = j + 1 == members_.size();
      return Add(text::LineStart(text_, first.range.begin), next_line, "");
    }
    if (i == 0 && j + 1 == members_.size()) {
      // Everything goes, inline: leave `{}` rather than `{  }`.
      return Add(object_.range.begin + 1, object_.range.end - 1, "");
    }
    const Member* prev = i > 0 && !removed_[i - 1] ? &members_[i - 1] : nullptr;
    bool prev_comma_here =
        prev && prev->comma && SameLine(prev->comma->end, first.range.begin);
    if (!last.comma) {
      // `b: 2,\n  amount: 3 })`: the closing bracket shares the line, so
      // the comma before goes with the member and the bracket stays put.
      bool new_after_prev = add_ && add_->after && *add_->after + 1 == i;
      bool only_blanks_between =
          prev && prev->comma && !rest_is_trivia && !new_after_prev &&
          text::OnlyTriviaAfter(text_, prev->comma->end, &next_line) &&
          text_.substr(prev->comma->end, next_line - prev->comma->end)
                  .find_first_not_of(" \t\r\n") == std::string_view::npos &&
          text::OnlyBlanksBefore(text_, first.range.begin);
      if (prev_comma_here || only_blanks_between) {
        // `a: 1, amount: 2 }`: the comma before goes too, so the survivor
        // before it does not gain a trailing comma.
        comma_taken_ = static_cast<int>(i) - 1;
        return Add(prev->comma->begin, last.range.end, "");
      }
      // The comma before is on an earlier line: handled like a whole-line
      // removal of the last member.
      removed_last_by_lines_ = true;
      return Add(BlanksBefore(first.range.begin), last.range.end, "");
    }
    if (rest_is_trivia) {
      // `x, amount: 1,` + end of line: no blank is left dangling.
      return Add(
          prev_comma_here ? prev->comma->end : BlanksBefore(first.range.begin),
          end, "");
    }
    return Add(first.range.begin, text::SkipBlanks(text_, end), "");
  }

  // Statements stand alone: each goes with its line(s) when it has them to
  // itself, else with the blanks after it; no comma is involved.
  std::optional<EditSet> RunStatements() {
    for (size_t i = 0; i < members_.size(); ++i) {
      if (!removed_[i]) continue;
      const Member& m = members_[i];
      uint32_t next_line = 0;
      bool own_lines = text::OnlyBlanksBefore(text_, m.range.begin) &&
                       text::OnlyTriviaAfter(text_, m.range.end, &next_line);
      bool ok =
          own_lines
              ? Add(text::LineStart(text_, m.range.begin), next_line, "")
              : Add(m.range.begin, text::SkipBlanks(text_, m.range.end), "");
      if (!ok) return std::nullopt;
    }
    if (add_ && !Insert()) return std::nullopt;
    return std::move(edits_);  // the editor is done
  }

  bool SameLine(uint32_t a, uint32_t b) const {
    return text_.substr(a, b - a).find('\n') == std::string_view::npos;
  }

  // Start of the spaces and tabs right before `pos` on its line.
  uint32_t BlanksBefore(uint32_t pos) const {
    while (pos > 0 && (text_[pos - 1] == ' ' || text_[pos - 1] == '\t')) --pos;
    return pos;
  }

  // When whole-line removal took the last member of an object written
  // without a trailing comma, the new last member must lose its comma.
  bool FixTrailingComma() {
    if (!removed_last_by_lines_ || trailing_comma_ || last_survivor_ < 0)
      return true;
    if (new_is_last_ || comma_taken_ == last_survivor_) return true;
    const Member& survivor = members_[last_survivor_];
    if (!survivor.comma) return true;
    return Add(survivor.comma->begin, survivor.comma->end, "");
  }

  // The new member in the style of `style`: its key quoting, the text
  // between its key and value (`: `, ` => `, `] = `) and, for statements,
  // the text before the key and after the value (`$p[`, `;`). `prefix` and
  // `suffix` (indentation, separator, line ending) go around it: the text
  // is built in one string, not in a temporary per piece.
  std::string Written(const Member* style, std::string_view prefix = "",
                      std::string_view suffix = "") const {
    std::string_view quote =
        style && style->key_quote ? std::string_view(&style->key_quote, 1) : "";
    size_t key_size = add_->key.size() + 2 * quote.size();
    std::string separator = ": ";
    std::string_view before, after;
    if (style && style->kind == Member::Kind::kPair &&
        style->key_range.end <= style->value_range.begin &&
        style->range.begin <= style->key_range.begin &&
        style->value_range.end <= style->range.end) {
      auto between = [&](uint32_t a, uint32_t b) {
        return text_.substr(a, b - a);
      };
      separator = Aligned(WithoutComments(between(style->key_range.end,
                                                  style->value_range.begin)),
                          style->key_range.size(), key_size);
      before = between(style->range.begin, style->key_range.begin);
      after = between(style->value_range.end, style->range.end);
    }
    std::string written;
    written.reserve(prefix.size() + before.size() + key_size +
                    separator.size() + add_->value.size() + after.size() +
                    suffix.size());
    written.append(prefix).append(before);
    written.append(quote).append(add_->key).append(quote);
    written.append(separator).append(add_->value);
    written.append(after).append(suffix);
    return written;
  }

  // `/* t */ : /* v */` between the style's key and value: its comments
  // are about that member, not the new one. Dropped, with the blanks
  // around them folded into one (`"sessionId" : sid`).
  static std::string WithoutComments(std::string_view separator) {
    if (separator.find("/*") == std::string_view::npos &&
        separator.find("//") == std::string_view::npos &&
        separator.find('#') == std::string_view::npos)
      return std::string(separator);
    std::string kept;
    for (size_t i = 0; i < separator.size();) {
      std::string_view rest = separator.substr(i);
      if (rest.starts_with("/*")) {
        size_t end = rest.find("*/", 2);
        i += end == std::string_view::npos ? rest.size() : end + 2;
      } else if (rest.starts_with("//") || rest.starts_with('#')) {
        size_t end = rest.find('\n');
        i += end == std::string_view::npos ? rest.size() : end;
      } else {
        char c = separator[i++];
        bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        kept += blank ? ' ' : c;
      }
    }
    std::string folded;
    for (char c : kept) {
      if (c == ' ' && !folded.empty() && folded.back() == ' ') continue;
      folded += c;
    }
    bool led = separator[0] == ' ' || separator[0] == '\t';
    if (!led && folded.starts_with(' ')) folded.erase(0, 1);
    return folded;
  }

  // A separator padded to line up (`'type'     => ...`) keeps the operator
  // in its column when the new key fits, else gets a single blank: the
  // other lines are never re-aligned.
  static std::string Aligned(std::string separator, size_t style_key,
                             size_t new_key) {
    size_t pad = separator.find("  ");
    if (pad == std::string::npos) return separator;
    size_t run = separator.find_first_not_of(' ', pad);
    if (run == std::string::npos) return separator;
    run -= pad;
    size_t column = style_key + run;
    size_t blanks = column > new_key ? column - new_key : 1;
    return separator.replace(pad, run, std::string(blanks, ' '));
  }

  bool Insert() {
    if (!add_->after) return InsertFirst();
    const Member& anchor = members_[*add_->after];
    uint32_t next_line = 0;
    bool own_line =
        text::OnlyBlanksBefore(text_, anchor.range.begin) &&
        text::OnlyTriviaAfter(text_, EndWithComma(anchor), &next_line) &&
        next_line < text_.size();
    if (!own_line) {
      std::string separator = object_.statements ? " " : InlineSeparator();
      return Add(anchor.range.end, anchor.range.end,
                 Written(&anchor, separator));
    }
    std::string_view indentation = text::Indentation(text_, anchor.range.begin);
    std::string_view line_ending = text::LineEnding(text_, anchor.range.begin);
    if (object_.statements) {
      return Add(next_line, next_line,
                 Written(&anchor, indentation, line_ending));
    }
    bool comma = new_is_last_ ? trailing_comma_ : true;
    if (!anchor.comma && !Add(anchor.range.end, anchor.range.end, ","))
      return false;
    std::string end(comma ? "," : "");
    end += line_ending;
    return Add(next_line, next_line, Written(&anchor, indentation, end));
  }

  // "," or ", ", as the object's own commas are followed.
  std::string InlineSeparator() const {
    for (const Member& m : members_) {
      if (m.comma && m.comma->end < text_.size()) {
        char next = text_[m.comma->end];
        if (next == ' ' || next == '\t' || next == '\n' || next == '\r')
          return ", ";
        return ",";
      }
    }
    return ", ";
  }

  bool InsertFirst() {
    const Member* first = members_.empty() ? nullptr : &members_[0];
    if (!first) {  // `{}`: the planner never adds to an empty object
      return Add(object_.range.begin + 1, object_.range.begin + 1,
                 Written(first));
    }
    if (text::OnlyBlanksBefore(text_, first->range.begin)) {
      uint32_t at = text::LineStart(text_, first->range.begin);
      std::string end(object_.statements ? "" : ",");
      end += text::LineEnding(text_, first->range.begin);
      return Add(
          at, at,
          Written(first, text::Indentation(text_, first->range.begin), end));
    }
    std::string separator = object_.statements ? " " : InlineSeparator();
    return Add(first->range.begin, first->range.begin,
               Written(first, "", separator));
  }

  std::string_view text_;
  const ObjectLiteral& object_;
  const std::vector<Member>& members_;
  const std::optional<NewMember>& add_;
  std::vector<bool> removed_;
  bool trailing_comma_ = false;
  int last_survivor_ = -1;
  bool new_is_last_ = false;
  bool removed_last_by_lines_ = false;
  int comma_taken_ = -2;
  EditSet edits_;
};

}  // namespace

std::optional<EditSet> EditObject(std::string_view text,
                                  const ObjectLiteral& object,
                                  const std::vector<size_t>& remove,
                                  const std::optional<NewMember>& add) {
  return ObjectEditor(text, object, remove, add).Run();
}

}  // namespace psm
