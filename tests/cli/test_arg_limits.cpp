// Numeric and date options at and beyond their limits: each bad value is one line on stderr
// naming the option and what is allowed, exit 1; a --jobs beyond what the machine can use is
// capped, and says so.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "indexer/run/indexer.h"
#include "tests/test_support.h"

namespace {

using kz::test::run_cli;

class ArgLimits : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new kz::test::TempDir;
    auto r = run_cli({"index", kz::test::corpus_dir() + "/kst-28676-445.pdf", "--db", db()});
    ASSERT_EQ(r.rc, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return *dir_ / "db"; }

  static void expect_usage_error(const std::vector<std::string>& args, const std::string& says) {
    auto r = run_cli(args);
    std::string what;
    for (const auto& a : args) what += a + " ";
    EXPECT_EQ(r.rc, 1) << what << r.err;
    EXPECT_EQ(r.err.rfind("kamerzoek: ", 0), 0u) << what << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << what << r.err;
    EXPECT_LT(r.err.size(), 200u) << what << r.err;
    EXPECT_NE(r.err.find(says), std::string::npos) << what << r.err;
  }
  static kz::test::TempDir* dir_;
};
kz::test::TempDir* ArgLimits::dir_ = nullptr;

TEST_F(ArgLimits, LimitMustBeAWholeNumberInRange) {
  expect_usage_error({"search", "kosten", "--limit", "-1", "--db", db()}, "--limit: '-1' is not allowed: expected a whole number from 0 to 100000 hits");
  expect_usage_error({"search", "kosten", "--limit", "1e9", "--db", db()}, "--limit");
  expect_usage_error({"search", "kosten", "--limit", "99999999999999999999", "--db", db()}, "--limit");
  EXPECT_EQ(run_cli({"search", "kosten", "--limit", "0", "--db", db()}).rc, 0);
}

TEST_F(ArgLimits, TimeoutMustBeAtLeastASecond) {
  std::string pdf = kz::test::corpus_dir() + "/kst-28676-445.pdf";
  for (const char* t : {"0", "-1", "86401", "tien"})
    expect_usage_error({"index", pdf, "--db", *dir_ / "other", "--timeout", t}, "--timeout");
  expect_usage_error({"index", pdf, "--db", *dir_ / "other", "--timeout", "0"}, "from 1 to 86400 seconds");
}

TEST_F(ArgLimits, DatesMustExist) {
  expect_usage_error({"search", "kosten", "--to", "2025-02-30", "--db", db()}, "--to 2025-02-30: no such date: 2025-02 has 28 days");
  expect_usage_error({"search", "kosten", "--from", "2023-04-31", "--db", db()}, "no such date: 2023-04 has 30 days");
  expect_usage_error({"search", "kosten", "--to", "2025-13", "--db", db()}, "expected a date");
  EXPECT_EQ(run_cli({"search", "kosten", "--to", "2024-02-29", "--db", db()}).rc, 0);
  EXPECT_EQ(run_cli({"search", "kosten", "--from", "2000-02-29", "--db", db()}).rc, 0);
}

TEST_F(ArgLimits, JobsAreCappedAtFourPerCore) {
  expect_usage_error({"index", kz::test::corpus_dir(), "--db", *dir_ / "other", "--jobs", "-1"}, "--jobs");
  auto r = run_cli({"index", kz::test::corpus_dir() + "/kst-29521-343.pdf", "--db", *dir_ / "jobs", "--jobs", "100000"});
  EXPECT_EQ(r.rc, 0) << r.err;
  int cap = 4 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(cap, kz::max_workers());
  EXPECT_EQ(r.err, "kamerzoek: --jobs 100000: using " + std::to_string(cap) + " workers (at most 4 per core)\n");
}

}  // namespace
