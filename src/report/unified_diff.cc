#include "report/unified_diff.h"

#include <algorithm>
#include <vector>

#include "common/path_quote.h"

namespace psm {
namespace {

enum class Op { kKeep, kDelete, kInsert };

struct Step {
  Op op;
  size_t a;  // line index in `before` (kKeep, kDelete)
  size_t b;  // line index in `after` (kKeep, kInsert)
};

// Lines with their terminators, so "\r\n" and a missing final newline are
// kept exactly.
std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(start, end - start));
    start = end;
  }
  return lines;
}

// Myers' greedy O(ND) shortest edit script between a[lo_a, hi_a) and
// b[lo_b, hi_b). Past `kMaxD` differences it gives up finding the shortest
// script and replaces the whole range, which is still a correct diff.
void Middle(const std::vector<std::string_view>& a, size_t lo_a, size_t hi_a,
            const std::vector<std::string_view>& b, size_t lo_b, size_t hi_b,
            std::vector<Step>* out) {
  const long n = static_cast<long>(hi_a - lo_a),
             m = static_cast<long>(hi_b - lo_b);
  const long kMaxD = 500;  // bounds the trace to a few MB
  const long max_d = std::min(n + m, kMaxD);
  const long offset = max_d + 1;
  std::vector<long> v(2 * offset + 1, 0);
  // trace[d]: v as it was before step d, only diagonals -d..d (all that
  // step d reads), so the trace grows with D squared rather than D times
  // the file's length.
  std::vector<std::vector<long>> trace;
  long found_d = -1;
  for (long d = 0; d <= max_d && found_d < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                   ? v[offset + k + 1]
                   : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[lo_a + x] == b[lo_b + y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  if (found_d < 0) {
    for (long i = 0; i < n; ++i) out->push_back({Op::kDelete, lo_a + i, 0});
    for (long j = 0; j < m; ++j) out->push_back({Op::kInsert, 0, lo_b + j});
    return;
  }
  std::vector<Step> reversed;
  long x = n, y = m;
  for (long d = found_d; d > 0; --d) {
    const std::vector<long>& pv = trace[d];
    auto before = [&](long diagonal) { return pv[diagonal + d]; };
    long k = x - y;
    bool down = k == -d || (k != d && before(k - 1) < before(k + 1));
    long prev_k = down ? k + 1 : k - 1;
    long prev_x = before(prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x, --y;
      reversed.push_back({Op::kKeep, lo_a + x, lo_b + y});
    }
    if (down) {
      --y;
      reversed.push_back({Op::kInsert, 0, lo_b + y});
    } else {
      --x;
      reversed.push_back({Op::kDelete, lo_a + x, 0});
    }
  }
  while (x > 0 && y > 0) {
    --x, --y;
    reversed.push_back({Op::kKeep, lo_a + x, lo_b + y});
  }
  out->insert(out->end(), reversed.rbegin(), reversed.rend());
}

std::vector<Step> Script(const std::vector<std::string_view>& a,
                         const std::vector<std::string_view>& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
    ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Step> steps;
  for (size_t i = 0; i < prefix; ++i) steps.push_back({Op::kKeep, i, i});
  Middle(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix, &steps);
  for (size_t i = suffix; i > 0; --i) {
    steps.push_back({Op::kKeep, a.size() - i, b.size() - i});
  }
  return steps;
}

void AppendLine(char mark, std::string_view line, std::string* out) {
  out->push_back(mark);
  out->append(line);
  if (line.empty() || line.back() != '\n')
    out->append("\n\\ No newline at end of file\n");
}

std::string Range(size_t start, size_t count) {
  // Unified diff numbers lines from 1; an empty range names the line before.
  size_t first = count == 0 ? start : start + 1;
  std::string range = std::to_string(first);
  if (count != 1) range += "," + std::to_string(count);
  return range;
}

void AppendHunk(const std::vector<Step>& steps, size_t from, size_t to,
                const std::vector<std::string_view>& a,
                const std::vector<std::string_view>& b, std::string* out) {
  size_t a_start = 0, b_start = 0, a_count = 0, b_count = 0;
  bool a_seen = false, b_seen = false;
  for (size_t i = from; i < to; ++i) {
    const Step& s = steps[i];
    if (s.op != Op::kInsert) {
      if (!a_seen) a_start = s.a, a_seen = true;
      ++a_count;
    }
    if (s.op != Op::kDelete) {
      if (!b_seen) b_start = s.b, b_seen = true;
      ++b_count;
    }
  }
  // An empty side starts where the other side's position maps to.
  if (!a_seen) a_start = from == 0 ? 0 : steps[from - 1].a + 1;
  if (!b_seen) b_start = from == 0 ? 0 : steps[from - 1].b + 1;
  *out += "@@ -" + Range(a_start, a_count) + " +" + Range(b_start, b_count) +
          " @@\n";
  for (size_t i = from; i < to; ++i) {
    const Step& s = steps[i];
    if (s.op == Op::kKeep) AppendLine(' ', a[s.a], out);
    if (s.op == Op::kDelete) AppendLine('-', a[s.a], out);
    if (s.op == Op::kInsert) AppendLine('+', b[s.b], out);
  }
}

// A `---`/`+++` line as git writes it: the prefixed name quoted as one
// string when it needs quoting, and a tab after a name holding a space,
// which tells patch tools that a trailing space belongs to the name.
std::string HeaderLine(std::string_view marker, std::string_view prefix,
                       std::string_view path) {
  std::string name = std::string(prefix) + std::string(path);
  std::string line = std::string(marker) + " " + QuotePath(name);
  if (path.find(' ') != std::string_view::npos) line += '\t';
  return line + "\n";
}

}  // namespace

std::string UnifiedDiff(std::string_view path, std::string_view before,
                        std::string_view after, int context) {
  if (before == after) return "";
  std::vector<std::string_view> a = SplitLines(before), b = SplitLines(after);
  std::vector<Step> steps = Script(a, b);
  std::string out =
      HeaderLine("---", "a/", path) + HeaderLine("+++", "b/", path);
  const size_t ctx = static_cast<size_t>(context);
  size_t i = 0;
  while (i < steps.size()) {
    while (i < steps.size() && steps[i].op == Op::kKeep) ++i;
    if (i == steps.size()) break;
    size_t from = i >= ctx ? i - ctx : 0;
    // Extend over changes separated by at most 2 * context kept lines.
    size_t end = i;
    for (;;) {
      while (end < steps.size() && steps[end].op != Op::kKeep) ++end;
      size_t keep = end;
      while (keep < steps.size() && steps[keep].op == Op::kKeep) ++keep;
      if (keep < steps.size() && keep - end <= 2 * ctx) {
        end = keep;
        continue;
      }
      end = std::min(steps.size(), end + ctx);
      break;
    }
    AppendHunk(steps, from, end, a, b, &out);
    i = end;
  }
  return out;
}

}  // namespace psm
