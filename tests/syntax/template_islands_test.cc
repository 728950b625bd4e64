#include "syntax/template_islands.h"

#include <gtest/gtest.h>

#include <string>

namespace psm {
namespace {

// The island CodeIslandIn finds in the whole of `text`, as text ("" when
// none).
std::string CodeIsland(std::string_view text) {
  ByteRange found = CodeIslandIn(text, {0, static_cast<uint32_t>(text.size())});
  return std::string(found.In(text));
}

TEST(TemplateIslandsTest, IslandsThatPrintOneValueAreNotCode) {
  EXPECT_EQ(CodeIsland("amount: <?= $cart->get_total('edit') ?>,"), "");
  EXPECT_EQ(
      CodeIsland("a: <?php echo json_encode($x); ?>, b: <?php\techo $y ?>"),
      "");
  EXPECT_EQ(CodeIsland("a: <%= total %>, b: <%- raw %>"), "");
  EXPECT_EQ(CodeIsland("a: <?= $a == $b ? 1 : 2 ?>, b: <?= $a >= 1 ?>"), "");
  EXPECT_EQ(CodeIsland("a: <?= fn($x) => $x ?>, no island at all"), "");
}

TEST(TemplateIslandsTest, IslandsThatRunStatementsAreCode) {
  EXPECT_EQ(CodeIsland("a: <?php $t = total(); echo $t; ?>, b"),
            "<?php $t = total(); echo $t; ?>");
  EXPECT_EQ(CodeIsland("a: <?= $n++ ?>"), "<?= $n++ ?>");
  EXPECT_EQ(CodeIsland("a: <?= $s .= 'x' ?>"), "<?= $s .= 'x' ?>");
  EXPECT_EQ(CodeIsland("a: <?php log_it(); ?>"), "<?php log_it(); ?>");
  EXPECT_EQ(CodeIsland("a: <? echo $x ?>"), "<? echo $x ?>");  // short tag
  EXPECT_EQ(CodeIsland("a: <?= $x; track() ?>"), "<?= $x; track() ?>");
  EXPECT_EQ(CodeIsland("a: <% total = 1 %>"), "<% total = 1 %>");
  // Never closed: it runs to the end of the file.
  EXPECT_EQ(CodeIsland("a: <?= $x"), "<?= $x");
}

TEST(TemplateIslandsTest, AnIslandOnlyPartlyInTheRangeIsCode) {
  std::string text = "a: <?= $x ?>, b";
  ByteRange cut{0, static_cast<uint32_t>(text.find("?>"))};
  EXPECT_FALSE(CodeIslandIn(text, cut).empty());
  ByteRange whole{0, static_cast<uint32_t>(text.size())};
  EXPECT_TRUE(CodeIslandIn(text, whole).empty());
}

}  // namespace
}  // namespace psm
