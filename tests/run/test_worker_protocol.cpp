// The indexer's side of the worker protocol: frames are checked (size limit, reply kinds), a
// worker that replies with a malformed frame fails that one file and is restarted, an 'F'
// (cannot start) stops the run with one line, and the frames travel on descriptors 3 and 4 so
// what a worker prints on stdout is harmless. Fake workers are shell scripts put beside a
// copy of kamerzoek, where it looks for kamerzoek-extract.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <cstring>
#include <thread>
#include <type_traits>

#include "indexer/run/indexer.h"
#include "indexer/protocol/worker_frames.h"
#include "tests/test_support.h"

namespace {

namespace fs = std::filesystem;
using kz::frames::Reply;
using kz::frames::Take;

std::string frame(std::uint32_t len, const std::string& body) {
  std::string f(4, '\0');
  std::memcpy(f.data(), &len, 4);
  return f + body;
}

TEST(WorkerFrames, TakeFrameEnforcesTheSizeLimit) {
  std::string payload;
  std::string buffer = frame(kz::frames::kMaxFrame + 1, "x");
  EXPECT_EQ(kz::frames::take_frame(buffer, payload), Take::Bad);
  buffer = frame(0xFFFFFFFFu, "");
  EXPECT_EQ(kz::frames::take_frame(buffer, payload), Take::Bad);
  // Incomplete frames wait; a complete one is taken and what follows stays.
  buffer = frame(5, "Eab");
  EXPECT_EQ(kz::frames::take_frame(buffer, payload), Take::None);
  buffer = std::string("\x05\x00", 2);
  EXPECT_EQ(kz::frames::take_frame(buffer, payload), Take::None);
  buffer = frame(3, "Eab") + "rest";
  EXPECT_EQ(kz::frames::take_frame(buffer, payload), Take::Frame);
  EXPECT_EQ(payload, "Eab");
  EXPECT_EQ(buffer, "rest");
}

TEST(WorkerFrames, RepliesAreCheckedBeforeUse) {
  Reply d = kz::frames::decode_reply(std::string("Dkst-1-1\0serialised", 19));
  EXPECT_EQ(d.kind, Reply::Document);
  EXPECT_EQ(d.id, "kst-1-1");
  EXPECT_EQ(d.document, "serialised");
  EXPECT_EQ(kz::frames::decode_reply("Dkst-1-1 without its NUL").kind, Reply::Malformed);
  EXPECT_EQ(kz::frames::decode_reply("").kind, Reply::Malformed);
  EXPECT_EQ(kz::frames::decode_reply("Xwhat is this").kind, Reply::Malformed);
  Reply e = kz::frames::decode_reply("Enot a PDF");
  EXPECT_EQ(e.kind, Reply::Error);
  EXPECT_EQ(e.error, "not a PDF");
  EXPECT_EQ(kz::frames::decode_reply("Fno missions table").kind, Reply::Fatal);
}

TEST(WorkerFrames, PipeRoundTripAndOversizeLengthIsRefused) {
  int p[2];
  ASSERT_EQ(pipe(p), 0);
  ASSERT_TRUE(kz::frames::write_frame(p[1], "Eeen reden"));
  std::string got;
  ASSERT_TRUE(kz::frames::read_frame(p[0], got));
  EXPECT_EQ(got, "Eeen reden");
  std::string huge = frame(0xFFFFFFF0u, "");
  ASSERT_EQ(write(p[1], huge.data(), huge.size()), 4);
  EXPECT_FALSE(kz::frames::read_frame(p[0], got));
  close(p[0]);
  close(p[1]);
}

// The stop flag is read by the feeding and the writer thread: an atomic, which a signal
// handler may also set (lock-free).
TEST(StopFlag, IsALockFreeAtomic) {
  static_assert(std::is_same_v<decltype(kz::IndexOptions::stop), const std::atomic<bool>*>);
  static_assert(std::atomic<bool>::is_always_lock_free);
  kz::test::TempDir t;
  std::atomic<bool> stop{true};
  kz::IndexOptions o;
  o.db = t / "db";
  o.paths = {kz::test::corpus_dir()};
  o.stop = &stop;
  kz::IndexSummary s = kz::run_index(o);
  EXPECT_TRUE(s.interrupted);
  EXPECT_EQ(s.indexed, 0u);
}

// A copy of kamerzoek with a fake worker beside it.
class FakeWorker : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(t / "bin");
    fs::copy_file(kz::test::binary(), t / "bin/kamerzoek");
    fs::permissions(t / "bin/kamerzoek", fs::perms::owner_all);
    fs::create_directories(t / "docs");
    for (const char* f : {"kst-28676-445.pdf", "kst-29521-343.pdf"})
      kz::test::copy_file(kz::test::corpus_dir() + "/" + f, t / (std::string("docs/") + f));
  }
  void worker(const std::string& body) {
    std::ofstream(t / "bin/kamerzoek-extract") << "#!/bin/sh\n" << body << "\n";
    fs::permissions(t / "bin/kamerzoek-extract", fs::perms::owner_all);
  }
  struct Run {
    int rc = -1;
    std::string out, err;
    double seconds = 0;
  };
  Run index(const std::vector<std::string>& extra = {}) {
    std::string cmd = "'" + (t / "bin/kamerzoek") + "' index '" + (t / "docs") + "' --db '" + (t / "db") + "' --timeout 20";
    for (const auto& e : extra) cmd += " " + e;
    cmd += " > '" + (t / "out") + "' 2> '" + (t / "err") + "'";
    auto t0 = std::chrono::steady_clock::now();
    int status = std::system(cmd.c_str());
    Run r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = kz::test::read_file(t / "out");
    r.err = kz::test::read_file(t / "err");
    return r;
  }
  static std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }
  kz::test::TempDir t;
};

// printf with octal escapes writes the 4-byte little-endian length, then the payload.
TEST_F(FakeWorker, DocumentReplyWithoutItsNulFailsEachFileAlone) {
  worker("printf '\\010\\000\\000\\000Dkst-1-1' >&4\nexec sleep 60");
  Run r = index({"-j", "1"});
  EXPECT_EQ(r.rc, 3) << r.err;
  EXPECT_EQ(lines(r.err), 2u) << r.err;
  EXPECT_NE(r.err.find("malformed reply"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kst-28676-445.pdf"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kst-29521-343.pdf"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 15) << "waited for the timeout instead of restarting the worker";
}

TEST_F(FakeWorker, OversizeFrameFailsTheFileAtOnce) {
  worker("printf '\\377\\377\\377\\177' >&4\nexec sleep 60");
  Run r = index({"-j", "1"});
  EXPECT_EQ(r.rc, 3) << r.err;
  EXPECT_EQ(lines(r.err), 2u) << r.err;
  EXPECT_NE(r.err.find("frame longer than"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 15) << "waited for a 2 GB frame until the timeout";
}

TEST_F(FakeWorker, WorkerThatCannotStartIsOneRunError) {
  worker("printf '\\024\\000\\000\\000Fno missions table!!' >&4\nexit 1");
  Run r = index({"-j", "1"});
  EXPECT_EQ(r.rc, 2) << r.err;
  EXPECT_EQ(lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("the PDF reader cannot start: no missions table!!"), std::string::npos) << r.err;
}

// Whatever the worker prints on stdout goes nowhere; its reply on descriptor 4 counts.
TEST_F(FakeWorker, StdoutOfTheWorkerCannotCorruptTheFrames) {
  worker("echo 'chatter from a library'\n"
         "while len=$(head -c 4 <&3 | od -An -tu4) && [ -n \"$len\" ]; do\n"
         "  head -c $len <&3 >/dev/null\n"
         "  printf '\\013\\000\\000\\000Egeen tekst' >&4\n"
         "done");
  Run r = index({"-j", "1"});
  EXPECT_EQ(r.rc, 3) << r.err;
  EXPECT_EQ(lines(r.err), 2u) << r.err;
  EXPECT_NE(r.err.find(": geen tekst"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("chatter"), std::string::npos) << r.out;
}

TEST(WorkerCount, JobsAreCappedPerCore) {
  EXPECT_EQ(kz::max_workers(), kz::kMaxWorkersPerCore * static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

}  // namespace
