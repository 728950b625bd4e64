#include "rules/json_text.h"

#include <set>
#include <vector>

namespace psm {
namespace {

using Json = nlohmann::json;

// The objects and arrays open at a point of the parse, outermost first:
// enough to name a repeated key by its JSON pointer.
class OpenContainers {
 public:
  // Keeps the pointer of the first key that repeats one of its object's.
  void Note(Json::parse_event_t event, const Json& parsed) {
    using Event = Json::parse_event_t;
    bool starts = event == Event::object_start || event == Event::array_start ||
                  event == Event::value;
    if (starts && !open_.empty() && !open_.back().object) ++open_.back().index;
    if (event == Event::object_start || event == Event::array_start) {
      Container opened;
      opened.object = event == Event::object_start;
      open_.push_back(std::move(opened));
    } else if (event == Event::object_end || event == Event::array_end) {
      open_.pop_back();
    } else if (event == Event::key) {
      NoteKey(parsed.get<std::string>());
    }
  }

  const std::string& duplicate() const { return duplicate_; }
  const std::string& duplicate_pointer() const { return duplicate_pointer_; }

 private:
  struct Container {
    bool object = false;
    std::set<std::string> keys;  // of an object, so far
    std::string key;             // of an object: the member being read
    long index = -1;             // of an array: the element being read
  };

  void NoteKey(std::string key) {
    Container& innermost = open_.back();
    innermost.key = key;
    if (innermost.keys.insert(std::move(key)).second ||
        !duplicate_pointer_.empty())
      return;
    duplicate_ = innermost.key;
    for (const Container& c : open_) {
      duplicate_pointer_ +=
          "/" + (c.object ? JsonPointerToken(c.key) : std::to_string(c.index));
    }
  }

  std::vector<Container> open_;
  std::string duplicate_;
  std::string duplicate_pointer_;
};

std::string LineColumn(std::string_view text, size_t byte) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

std::string JsonPointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

JsonText ReadJsonText(std::string_view text) {
  JsonText read;
  OpenContainers open;
  Json doc;
  try {
    // Every value is kept: nlohmann does not report the end of a dropped
    // object or array, which would leave it open here. A syntax error
    // after a repeated key still reads as one.
    doc = Json::parse(text.begin(), text.end(),
                      [&open](int, Json::parse_event_t event, Json& parsed) {
                        open.Note(event, parsed);
                        return true;
                      });
  } catch (const Json::parse_error& e) {
    read.where = LineColumn(text, e.byte == 0 ? 0 : e.byte - 1);
    std::string what = e.what();
    size_t colon = what.rfind(": ");
    read.message = "invalid JSON: " +
                   (colon == std::string::npos ? what : what.substr(colon + 2));
    return read;
  } catch (const Json::exception& e) {  // e.g. a number too large to hold
    read.where = "/";
    read.message = std::string("invalid JSON: ") + e.what();
    return read;
  }
  if (!open.duplicate_pointer().empty()) {
    read.where = open.duplicate_pointer();
    read.message = "duplicate key \"" + open.duplicate() +
                   "\" (given twice in one object; remove one)";
    return read;
  }
  read.doc = std::move(doc);
  return read;
}

}  // namespace psm
