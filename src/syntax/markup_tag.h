#ifndef PSM_SYNTAX_MARKUP_TAG_H_
#define PSM_SYNTAX_MARKUP_TAG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/byte_range.h"
#include "common/strings.h"        // Lowered, FindNoCase
#include "syntax/island_syntax.h"  // SkipIsland

namespace psm {

// One attribute of a start tag, as byte ranges into the file.
struct TagAttribute {
  ByteRange name;
  ByteRange value;     // inside the quotes or braces; empty when absent
  char delimiter = 0;  // '"', '\'', '{' (Svelte), or 0: unquoted or none
};

struct StartTag {
  ByteRange name;
  std::vector<TagAttribute> attributes;
  uint32_t end = 0;  // just past the closing '>' (or the file's end)
};

// Reads the start tag whose '<' is at `open`. Template islands (`<?php ?>`,
// `<% %>`) are stepped over, in attribute values too: their own quotes do
// not end the value.
StartTag ReadStartTag(std::string_view text, uint32_t open);

// The lower-cased value of attribute `name` (lower case), "" when absent.
std::string AttributeValue(std::string_view text, const StartTag& tag,
                           std::string_view name);

}  // namespace psm

#endif  // PSM_SYNTAX_MARKUP_TAG_H_
