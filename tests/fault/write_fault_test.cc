// Fault tests through the built binary: writes that fail, and runs that are
// interrupted, must never lose or half-write a file.
//
//   - a write into a read-only directory, onto a read-only file system, onto
//     a full file system, or past the file-size limit (`ulimit -f`) leaves the
//     original byte-identical, leaves no temporary file, names the file and
//     the cause on stderr and exits 2;
//   - SIGINT (and SIGTERM) in the middle of `--write` over ~3000 generated
//     files leaves every file byte-identical to its original or to what a
//     clean `--write` on a copy produced, no temporary file (`.*.psm-*`)
//     behind, and exits 128 + the signal: 130 for SIGINT, 143 for SIGTERM
//     (or 0 when the run had already finished).
//
// The tests run as root in CI, where permission bits do not stop writes: the
// read-only-directory test then runs the tool as `nobody` (setpriv), and the
// read-only / full file-system tests mount a tiny tmpfs. When neither is
// possible the test is skipped with the reason.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// Relative path -> content hash of every regular file under `root`.
std::map<std::string, uint64_t> HashTree(const fs::path& root) {
  std::map<std::string, uint64_t> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    out[fs::relative(entry.path(), root).string()] = Fnv1a(Slurp(entry.path()));
  }
  return out;
}

// Temporary files the tool's atomic write creates: `.<name>.psm-XXXXXX`.
std::vector<std::string> Leftovers(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(".") && name.find(".psm-") != std::string::npos) {
      out.push_back(entry.path().string());
    }
  }
  return out;
}

std::string Quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// A legacy PayPal checkout of at least `min_bytes`, padded with ordinary code.
std::string LegacyPayPal(size_t min_bytes, const std::string& eol = "\n") {
  std::string text =
      "// checkout" + eol + "var dr = DigitalRiver(\"pk_test_1\");" + eol +
      "function pay(cart) {" + eol + "  var data = {" + eol +
      "    type: \"payPal\"," + eol + "    amount: cart.total," + eol +
      "    currency: cart.currency," + eol + "    payPal: {" + eol +
      "      returnUrl: location.href + \"?ok\"," + eol +
      "      items: cart.lines" + eol + "    }" + eol + "  };" + eol +
      "  return dr.createSource(data);" + eol + "}" + eol;
  for (int i = 0; text.size() < min_bytes; ++i) {
    text += "function helper" + std::to_string(i) + "(x) { return x * " +
            std::to_string(i) + " + 1; }" + eol;
  }
  return text;
}

bool CommandWorks(const std::string& command) {
  return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// Mounts a tmpfs of `size` on `dir` for the test's lifetime; ok() is false
// when mounting is not permitted here (no root, or no CAP_SYS_ADMIN).
class TmpfsMount {
 public:
  TmpfsMount(const fs::path& dir, const std::string& size) : dir_(dir) {
    fs::create_directories(dir);
    mounted_ = ::geteuid() == 0 &&
               CommandWorks("mount -t tmpfs -o size=" + size +
                            ",mode=0755 psm-fault-test " + Quoted(dir));
  }
  ~TmpfsMount() {
    if (mounted_)
      CommandWorks("umount " + Quoted(dir_) + " || umount -l " + Quoted(dir_));
  }
  bool ok() const { return mounted_; }
  bool RemountReadOnly() const {
    return CommandWorks("mount -o remount,ro " + Quoted(dir_));
  }

 private:
  fs::path dir_;
  bool mounted_ = false;
};

// What every failed write must look like.
void ExpectFailedWrite(const Outcome& run, const ScratchDir& dir,
                       const std::string& relative, const std::string& original,
                       const std::string& cause) {
  EXPECT_EQ(run.status, 2) << "stdout:\n" << run.out << "stderr:\n" << run.err;
  EXPECT_EQ(dir.Read(relative), original) << "the original was changed";
  std::string name = fs::path(relative).filename().string();
  std::istringstream lines(run.err);
  int naming = 0;
  bool has_cause = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.find(name) == std::string::npos) continue;
    ++naming;
    has_cause = has_cause || line.find(cause) != std::string::npos;
  }
  EXPECT_GE(naming, 1) << "no line names " << name << ":\n" << run.err;
  EXPECT_TRUE(has_cause) << "no line gives the cause `" << cause << "`:\n"
                         << run.err;
  EXPECT_TRUE(Leftovers(dir.path()).empty())
      << "temporary file left: " << Leftovers(dir.path())[0];
}

// ---------------------------------------------------------------------------
// Failed writes.

TEST(WriteFaultTest, FileSizeLimitLeavesOriginalIntact) {
  // `ulimit -f 2`: at most 1-2 KiB per file (512- or 1024-byte blocks,
  // depending on the shell); the migrated file is ~8 KiB. With SIGXFSZ
  // ignored, write() fails with EFBIG instead of killing the tool.
  ScratchDir dir;
  const std::string original = LegacyPayPal(8192);
  dir.Write("src/pay.js", original);
  ::chmod((dir.path() / "src/pay.js").c_str(), 0640);
  Outcome run = Shell(dir.path(),
                      "trap '' XFSZ; ulimit -f 2 && exec {bin} --write "
                      "--session-id S src/pay.js");
  ExpectFailedWrite(run, dir, "src/pay.js", original, "File too large");
  struct stat st;
  ASSERT_EQ(::stat((dir.path() / "src/pay.js").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
}

TEST(WriteFaultTest, OneFailedWriteDoesNotStopTheOthers) {
  // Two files; only the big one exceeds the limit. The small one is written,
  // the big one is left alone, the status says something failed.
  ScratchDir dir;
  const std::string big = LegacyPayPal(8192);
  const std::string small = LegacyPayPal(0);
  ASSERT_LT(small.size() + 64, 1024u);
  dir.Write("src/big.js", big);
  dir.Write("src/small.js", small);
  Outcome run = Shell(dir.path(),
                      "trap '' XFSZ; ulimit -f 2 && exec {bin} --write -j 2 "
                      "--session-id S src");
  ExpectFailedWrite(run, dir, "src/big.js", big, "File too large");
  std::string written = dir.Read("src/small.js");
  EXPECT_NE(written, small);
  EXPECT_NE(written.find("sessionId: S"), std::string::npos) << written;
}

TEST(WriteFaultTest, ReadOnlyDirectoryLeavesOriginalIntact) {
  ScratchDir dir;
  const std::string original = LegacyPayPal(512);
  dir.Write("ro/pay.js", original);
  fs::path ro = dir.path() / "ro";
  ASSERT_EQ(::chmod(ro.c_str(), 0555), 0);
  std::string command = "exec {bin} --write --session-id S ro/pay.js";
  if (::geteuid() == 0) {
    // Root ignores permission bits; run the tool as an unprivileged user.
    // (The harness's own redirections are still made by root.)
    const std::string as_nobody =
        "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    ::chmod(dir.path().c_str(), 0755);
    ::chmod((ro / "pay.js").c_str(), 0644);
    if (!CommandWorks(as_nobody + PSM_BINARY + " --version")) {
      GTEST_SKIP()
          << "running as root, where a 0555 directory does not stop writes, "
             "and "
             "the binary cannot be run as nobody here (setpriv missing, or "
             "the build directory is not readable by others)";
    }
    command = "exec " + as_nobody + command.substr(5);
  }
  Outcome run = Shell(dir.path(), command);
  ::chmod(ro.c_str(), 0755);
  ExpectFailedWrite(run, dir, "ro/pay.js", original, "Permission denied");
}

TEST(WriteFaultTest, ReadOnlyFileSystemLeavesOriginalIntact) {
  ScratchDir dir;
  TmpfsMount mount(dir.path() / "mnt", "1m");
  if (!mount.ok())
    GTEST_SKIP() << "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)";
  const std::string original = LegacyPayPal(512);
  dir.Write("mnt/pay.js", original);
  ASSERT_TRUE(mount.RemountReadOnly());
  Outcome run =
      Shell(dir.path(), "exec {bin} --write --session-id S mnt/pay.js");
  ExpectFailedWrite(run, dir, "mnt/pay.js", original, "Read-only file system");
}

TEST(WriteFaultTest, FullFileSystemLeavesOriginalIntact) {
  ScratchDir dir;
  TmpfsMount mount(dir.path() / "mnt", "64k");
  if (!mount.ok())
    GTEST_SKIP() << "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)";
  const std::string original = LegacyPayPal(24 * 1024);
  dir.Write("mnt/pay.js", original);
  ASSERT_EQ(dir.Read("mnt/pay.js"), original);
  // Fill what is left; dd stops with ENOSPC, which is the point.
  std::system(("dd if=/dev/zero of=" + Quoted(dir.path() / "mnt/filler") +
               " bs=4096 >/dev/null 2>&1; sync")
                  .c_str());
  Outcome run =
      Shell(dir.path(), "exec {bin} --write --session-id S mnt/pay.js");
  ExpectFailedWrite(run, dir, "mnt/pay.js", original,
                    "No space left on device");
}

// ---------------------------------------------------------------------------
// Interrupted runs.

// ~3000 files of legacy code in several shapes and sizes, some with nothing
// to migrate.
void GenerateTree(const fs::path& root, int files) {
  for (int i = 0; i < files; ++i) {
    std::string eol = i % 7 == 0 ? "\r\n" : "\n";
    std::string id = std::to_string(i);
    std::string text = "// file " + id + eol;
    switch (i % 5) {
      case 0:
        text += LegacyPayPal(i % 11 == 0 ? 6000 : 0, eol);
        break;
      case 1:
        text +=
            "export function card" + id + "(el, owner) {" + eol +
            "  return drjs.createSource(el, { type: 'creditCard', owner });" +
            eol + "}" + eol;
        break;
      case 2:
        text +=
            "const k" + id + " = {" + eol + "  \"type\": \"klarnaCredit\"," +
            eol + "  \"amount\": 10, // total" + eol +
            "  \"currency\": \"EUR\"," + eol +
            "  \"klarnaCredit\": { \"returnUrl\": r, \"items\": [], "
            "\"locale\": \"de-DE\" }" +
            eol + "};" + eol + "digitalriver.createSource(k" + id + ");" + eol;
        break;
      case 3:
        text += "export const nothing" + id + " = () => 42;" + eol;
        break;
      default:
        text += "dr.createSource({" + eol + "\ttype: 'directDebit'," + eol +
                "\t/* legacy */" + eol + "\tamount: a," + eol +
                "\tcurrency: c," + eol + "\tdirectDebit: { iban }" + eol +
                "});" + eol;
        break;
    }
    fs::path file = root / ("d" + std::to_string(i % 40)) /
                    ("f" + id + (i % 3 ? ".js" : ".ts"));
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
  }
}

struct Spawned {
  int status = 0;
  double seconds = 0;
};

// Runs the tool on `target` with `--write`, sending `signal_number` after
// `delay` (none when signal_number is 0).
Spawned RunWrite(const fs::path& target, const fs::path& log_dir,
                 int signal_number, std::chrono::microseconds delay) {
  auto started = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    // As a user at a terminal would have it, whatever the test runner set.
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGHUP, SIG_DFL);
    int out = ::open((log_dir / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                     0644);
    int err = ::open((log_dir / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                     0644);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::string path = target.string();
    const char* argv[] = {PSM_BINARY, "--write", "--session-id", "S",    "-q",
                          "-j",       "2",       path.c_str(),   nullptr};
    ::execv(PSM_BINARY, const_cast<char* const*>(argv));
    ::_exit(127);
  }
  Spawned run;
  if (pid < 0) {
    run.status = -1;
    return run;
  }
  if (signal_number != 0) {
    std::this_thread::sleep_for(delay);
    ::kill(pid, signal_number);
  }
  ::waitpid(pid, &run.status, 0);
  run.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count();
  return run;
}

std::string Describe(int status) {
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    return "killed by signal " + std::to_string(WTERMSIG(status));
  return "status " + std::to_string(status);
}

class InterruptTest : public testing::Test {
 protected:
  static constexpr int kFiles = 3000;

  void SetUp() override {
    pristine_ = dir_.path() / "pristine";
    GenerateTree(pristine_, kFiles);
    original_ = HashTree(pristine_);
    ASSERT_EQ(original_.size(), static_cast<size_t>(kFiles));
    // The reference: a clean, uninterrupted --write on a copy.
    fs::path clean = dir_.path() / "clean";
    fs::copy(pristine_, clean, fs::copy_options::recursive);
    Spawned run = RunWrite(clean, dir_.path(), 0, {});
    ASSERT_EQ(Describe(run.status), "exit 0") << Slurp(dir_.path() / "stderr");
    clean_seconds_ = run.seconds;
    migrated_ = HashTree(clean);
    ASSERT_EQ(migrated_.size(), original_.size());
    size_t changed = 0;
    for (const auto& [path, hash] : original_)
      changed += migrated_[path] != hash;
    ASSERT_GT(changed, static_cast<size_t>(kFiles / 2))
        << "the generated tree barely migrates";
    ASSERT_TRUE(Leftovers(clean).empty());
  }

  struct Round {
    size_t old_files = 0, new_files = 0;
    std::string status;
  };

  // One interrupted run on a fresh copy; checks every file and the status.
  Round Interrupt(int signal_number, std::chrono::microseconds delay,
                  int index) {
    fs::path tree = dir_.path() / ("round" + std::to_string(index));
    fs::copy(pristine_, tree, fs::copy_options::recursive);
    Spawned run = RunWrite(tree, dir_.path(), signal_number, delay);
    Round round;
    round.status = Describe(run.status);
    std::map<std::string, uint64_t> now = HashTree(tree);
    EXPECT_EQ(now.size(), original_.size()) << "files appeared or vanished";
    for (const auto& [path, hash] : now) {
      auto old_hash = original_.find(path);
      if (old_hash == original_.end()) {
        ADD_FAILURE() << "unexpected file " << path;
      } else if (hash == old_hash->second) {
        ++round.old_files;
      } else if (hash == migrated_[path]) {
        ++round.new_files;
      } else {
        ADD_FAILURE() << path
                      << " is neither the original nor the migrated version";
      }
    }
    std::vector<std::string> leftovers = Leftovers(tree);
    EXPECT_TRUE(leftovers.empty())
        << leftovers.size() << " temporary file(s) left, e.g. " << leftovers[0];
    bool finished = WIFEXITED(run.status) && WEXITSTATUS(run.status) == 0;
    bool interrupted =
        WIFEXITED(run.status) && WEXITSTATUS(run.status) == 128 + signal_number;
    // Killed by the signal itself: only acceptable before the tool installed
    // its handler, i.e. before it wrote anything.
    bool killed_early = WIFSIGNALED(run.status) &&
                        WTERMSIG(run.status) == signal_number &&
                        round.new_files == 0;
    EXPECT_TRUE(finished || interrupted || killed_early)
        << round.status << " after " << delay.count() << " us; stderr:\n"
        << Slurp(dir_.path() / "stderr");
    if (interrupted) {
      EXPECT_NE(Slurp(dir_.path() / "stderr").find("interrupted"),
                std::string::npos);
    }
    std::cout << "[ INFO     ] signal " << signal_number << " after "
              << delay.count() / 1000.0 << " ms: " << round.status << ", "
              << round.new_files << " new, " << round.old_files
              << " old (clean run " << clean_seconds_ << " s)\n";
    fs::remove_all(tree);
    return round;
  }

  ScratchDir dir_;
  fs::path pristine_;
  std::map<std::string, uint64_t> original_, migrated_;
  double clean_seconds_ = 0;
};

TEST_F(InterruptTest, SigintMidWriteLeavesEveryFileOldOrNew) {
  using std::chrono::microseconds;
  // The delays the issue suggests, then a search for one that lands mid-run
  // whatever the speed of the machine (sanitizer builds are slower).
  std::vector<microseconds> delays = {microseconds(30000), microseconds(55000),
                                      microseconds(80000)};
  bool mid_run = false;
  int index = 0;
  for (microseconds delay : delays) {
    Round r = Interrupt(SIGINT, delay, index++);
    mid_run = mid_run || (r.old_files > 0 && r.new_files > 0);
  }
  double low = 0, high = clean_seconds_;
  for (int attempt = 0; attempt < 6 && !mid_run; ++attempt) {
    double at = (low + high) / 2;
    Round r = Interrupt(SIGINT, microseconds(static_cast<int64_t>(at * 1e6)),
                        index++);
    mid_run = r.old_files > 0 && r.new_files > 0;
    if (r.new_files == 0) low = at;
    if (r.old_files == 0) high = at;
  }
  if (!mid_run) {
    std::cout << "[ WARNING  ] no interrupt landed in the middle of the run "
                 "(clean run took "
              << clean_seconds_ << " s); the invariants held for every round\n";
  }
  RecordProperty("landed_mid_run", mid_run ? "yes" : "no");
}

TEST_F(InterruptTest, SigtermMidWriteLeavesEveryFileOldOrNew) {
  using std::chrono::microseconds;
  Interrupt(SIGTERM, microseconds(static_cast<int64_t>(clean_seconds_ * 0.5e6)),
            0);
  Interrupt(SIGTERM, microseconds(40000), 1);
}

// The terminal or ssh session closing sends SIGHUP: the same as SIGTERM
// (it left temporary files behind, exit 129 by the signal itself).
TEST_F(InterruptTest, SighupMidWriteLeavesEveryFileOldOrNew) {
  using std::chrono::microseconds;
  Interrupt(SIGHUP, microseconds(static_cast<int64_t>(clean_seconds_ * 0.5e6)),
            0);
  Interrupt(SIGHUP, microseconds(40000), 1);
}

}  // namespace
}  // namespace psm::testing_cli
