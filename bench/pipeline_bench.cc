// Micro-benchmarks of the per-file pipeline on one typical merchant file
// (bench/data/merchant-checkout.js, made by bench/gen-dense.py --single;
// override with PSM_BENCH_FILE=path). Each stage is timed alone on inputs
// prepared outside the timed loop, plus the whole of MigrateText:
//
//   BM_Parse             full tree-sitter parse (reference for the others)
//   BM_Find              parse + FindCallSites (with the per-file name index)
//   BM_FindOnly          FindCallSites on an existing tree (index included)
//   BM_Plan              PlanSite for every call site of the file
//   BM_Apply             ApplyEdits of the file's merged edit set
//   BM_ReparseIncremental ts_tree_edit + incremental re-parse of the output
//   BM_RenderDiff        UnifiedDiff of the original and the migrated text
//   BM_MigrateText       the whole per-file pipeline (parse, find, plan,
//                        apply, incremental re-parse)
//
// Bytes/s are of the input file.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/heap_tuning.h"
#include "common/text_lines.h"
#include "edit/edit.h"
#include "edit/site_plan.h"
#include "find/scope.h"
#include "find/site_finder.h"
#include "migrate/file_migrator.h"
#include "report/unified_diff.h"
#include "rules/rule_table.h"
#include "syntax/language.h"
#include "syntax/tree.h"
#include "syntax/tree_allocator.h"

namespace {

constexpr const char* kDisplayPath = "src/checkout/merchant-checkout.js";

const std::string& Text() {
  static const std::string text = [] {
    const char* path = std::getenv("PSM_BENCH_FILE");
    if (!path || !*path) path = PSM_BENCH_DATA;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "pipeline_bench: cannot read %s\n", path);
      std::exit(2);
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }();
  return text;
}

psm::PlanOptions Options() {
  psm::PlanOptions options;
  options.session_id = "checkout.payment.session.id";
  return options;
}

// Everything the later stages start from, computed once.
struct Prepared {
  psm::Parser parser;
  psm::Tree tree;
  std::vector<psm::CallSite> sites;
  psm::EditSet edits;
  std::string after;
  Prepared() {
    tree = parser.Parse(psm::Language::kJavaScript, Text());
    sites = psm::FindCallSites(Text(), tree.Root());
    for (const psm::CallSite& site : sites) {
      psm::SitePlan plan = psm::PlanSite(site, Text(), psm::BuiltinRules(), Options());
      if (edits.AddAll(plan.edits)) {
        std::fprintf(stderr, "pipeline_bench: conflicting edits in the benchmark file\n");
        std::exit(2);
      }
    }
    after = psm::ApplyEdits(Text(), edits);
    if (sites.empty() || after == Text()) {
      std::fprintf(stderr, "pipeline_bench: the benchmark file has nothing to migrate\n");
      std::exit(2);
    }
  }
};

const Prepared& Prep() {
  static const Prepared prepared;
  return prepared;
}

void Counters(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Text().size()));
  state.counters["sites"] = static_cast<double>(Prep().sites.size());
}

void BM_Parse(benchmark::State& state) {
  psm::Parser parser;
  for (auto _ : state) {
    psm::Tree tree = parser.Parse(psm::Language::kJavaScript, Text());
    benchmark::DoNotOptimize(tree.get());
  }
  Counters(state);
}
BENCHMARK(BM_Parse);

void BM_Find(benchmark::State& state) {
  psm::Parser parser;
  for (auto _ : state) {
    psm::Tree tree = parser.Parse(psm::Language::kJavaScript, Text());
    psm::IndexedTree indexed(tree.Root(), Text());  // as MigrateText finds
    std::vector<psm::CallSite> sites = psm::FindCallSites(Text(), tree.Root());
    benchmark::DoNotOptimize(sites.data());
  }
  Counters(state);
}
BENCHMARK(BM_Find);

void BM_FindOnly(benchmark::State& state) {
  const Prepared& prep = Prep();
  for (auto _ : state) {
    // A fresh name index each time, as for each file in MigrateText.
    psm::IndexedTree indexed(prep.tree.Root(), Text());
    std::vector<psm::CallSite> sites = psm::FindCallSites(Text(), prep.tree.Root());
    benchmark::DoNotOptimize(sites.data());
  }
  Counters(state);
}
BENCHMARK(BM_FindOnly);

void BM_Plan(benchmark::State& state) {
  const Prepared& prep = Prep();
  const psm::RuleTable& rules = psm::BuiltinRules();
  const psm::PlanOptions options = Options();
  for (auto _ : state) {
    for (const psm::CallSite& site : prep.sites) {
      psm::SitePlan plan = psm::PlanSite(site, Text(), rules, options);
      benchmark::DoNotOptimize(plan.edits.edits().data());
    }
  }
  Counters(state);
}
BENCHMARK(BM_Plan);

void BM_Apply(benchmark::State& state) {
  const Prepared& prep = Prep();
  for (auto _ : state) {
    std::string after = psm::ApplyEdits(Text(), prep.edits);
    benchmark::DoNotOptimize(after.data());
  }
  Counters(state);
}
BENCHMARK(BM_Apply);

// What MigrateText does after applying: tell a copy of the first tree about
// the edits, then parse the output reusing it.
void BM_ReparseIncremental(benchmark::State& state) {
  const Prepared& prep = Prep();
  const std::string& text = Text();
  psm::LineIndex lines(text);
  std::vector<TSInputEdit> input_edits;
  const auto& all = prep.edits.edits();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    TSInputEdit e;
    e.start_byte = it->range.begin;
    e.old_end_byte = it->range.end;
    e.new_end_byte = it->range.begin + static_cast<uint32_t>(it->text.size());
    e.start_point = {lines.Line(it->range.begin) - 1, lines.ByteColumn(it->range.begin)};
    e.old_end_point = {lines.Line(it->range.end) - 1, lines.ByteColumn(it->range.end)};
    TSPoint p = e.start_point;
    for (char c : it->text) {
      if (c == '\n') {
        ++p.row;
        p.column = 0;
      } else {
        ++p.column;
      }
    }
    e.new_end_point = p;
    input_edits.push_back(e);
  }
  psm::Parser parser;
  for (auto _ : state) {
    state.PauseTiming();
    psm::Tree old_tree(ts_tree_copy(prep.tree.get()));
    state.ResumeTiming();
    for (const TSInputEdit& e : input_edits) ts_tree_edit(old_tree.get(), &e);
    psm::Tree tree = parser.Reparse(psm::Language::kJavaScript, old_tree, prep.after);
    benchmark::DoNotOptimize(tree.get());
  }
  Counters(state);
}
BENCHMARK(BM_ReparseIncremental);

void BM_RenderDiff(benchmark::State& state) {
  const Prepared& prep = Prep();
  for (auto _ : state) {
    std::string diff = psm::UnifiedDiff(kDisplayPath, Text(), prep.after);
    benchmark::DoNotOptimize(diff.data());
  }
  Counters(state);
}
BENCHMARK(BM_RenderDiff);

void BM_MigrateText(benchmark::State& state) {
  psm::Parser parser;
  const psm::RuleTable& rules = psm::BuiltinRules();
  const psm::PlanOptions options = Options();
  for (auto _ : state) {
    psm::Migration m = psm::MigrateText(kDisplayPath, Text(), psm::Language::kJavaScript,
                                        rules, options, parser);
    benchmark::DoNotOptimize(m.migrated_text().data());
  }
  Counters(state);
}
BENCHMARK(BM_MigrateText);

}  // namespace

int main(int argc, char** argv) {
  psm::TuneHeap();              // as the tool does, before any thread
  psm::InstallTreeAllocator();  // as the tool does, before any parser exists
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
