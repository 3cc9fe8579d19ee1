// The damaged and odd files of tests/fixtures/bad, one by one and together, and hostile file
// system layouts (symlink loops, symlinks leading outside, broken links, FIFOs, unreadable
// files): each is reported on one line naming the file and the cause, the run finishes with
// exit 3, and the good files are indexed and searchable.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cctype>

#include "tests/hardening_support.h"

namespace kz::test {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::size_t termfreq(const std::string& db, const std::string& term) { return Xapian::Database(db).get_termfreq(term); }

std::size_t terms_with_prefix(const std::string& db, const std::string& prefix) {
  Xapian::Database x(db);
  std::size_t n = 0;
  for (auto t = x.allterms_begin(prefix); t != x.allterms_end(prefix); ++t) ++n;
  return n;
}

struct BadCase {
  const char* file;
  std::vector<const char*> cause;  // any of these, case-insensitive
};

const std::vector<BadCase> kBad{
    {"empty.pdf", {"empty"}},
    {"random-bytes.pdf", {"not a pdf"}},
    {"not-a-pdf.pdf", {"not a pdf"}},
    {"truncated-half.pdf", {"damaged", "truncated"}},
    {"encrypted-user-password.pdf", {"encrypted"}},
    {"no-pages.pdf", {"no pages"}},
    {"scanned-no-text.pdf", {"no text"}},
};

TEST(BadFixtures, EachBadFileFailsAloneWithItsCause) {
  for (const auto& c : kBad) {
    SCOPED_TRACE(c.file);
    TempDir tmp;
    std::string path = fixture(std::string("bad/") + c.file);
    auto r = run_cli({"index", path, "--db", tmp / "db"});
    EXPECT_EQ(r.rc, 3) << r.err;
    auto lines = lines_with_prefix(r.err, "kamerzoek: ");
    ASSERT_EQ(lines.size(), 1u) << r.err;
    std::string head = "kamerzoek: " + path + ": ";
    ASSERT_EQ(lines[0].rfind(head, 0), 0u) << lines[0];
    std::string cause = lower(lines[0].substr(head.size()));
    bool named = false;
    for (const char* want : c.cause) named = named || cause.find(want) != std::string::npos;
    EXPECT_TRUE(named) << "cause not stated: " << lines[0];
    IndexState st;
    EXPECT_EQ(check_index(tmp / "db", &st, true), "");
    EXPECT_EQ(st.docs, 0u);
    // Nothing read from a failed file reaches the index: no id, no citation, no words.
    EXPECT_EQ(terms_with_prefix(tmp / "db", "XID"), 0u);
    EXPECT_EQ(terms_with_prefix(tmp / "db", "XCITE"), 0u);
    EXPECT_EQ(termfreq(tmp / "db", "kamerstuk"), 0u);
  }
}

TEST(BadFixtures, RepairableFilesAreIndexedUnderTheRightId) {
  for (const char* f : {"broken-xref.pdf", "owner-password-only.pdf"}) {
    SCOPED_TRACE(f);
    TempDir tmp;
    auto r = run_cli({"index", fixture(std::string("bad/") + f), "--db", tmp / "db"});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(termfreq(tmp / "db", "XIDkst-28676-445"), 1u);
    auto show = run_cli({"show", "kst-28676-445", "--db", tmp / "db", "--json"});
    ASSERT_EQ(show.rc, 0) << show.err;
    EXPECT_EQ(nlohmann::json::parse(show.out)["id"], "kst-28676-445");
  }
}

TEST(BadFixtures, WholeFolderIndexesTheGoodAndNamesTheBad) {
  TempDir tmp;
  std::string dir = fixture("bad"), db = tmp / "db";
  auto r = run_cli({"index", dir, "--db", db, "--json"});
  EXPECT_EQ(r.rc, 3) << r.err;
  auto lines = lines_with_prefix(r.err, "kamerzoek: ");
  EXPECT_EQ(lines.size(), kBad.size()) << r.err;
  for (const auto& c : kBad) {
    std::string head = "kamerzoek: " + dir + "/" + c.file + ": ";
    EXPECT_EQ(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.rfind(head, 0) == 0; }), 1)
        << c.file << "\n" << r.err;
  }
  IndexState st;
  EXPECT_EQ(check_index(db, &st, true), "");
  for (const auto& [sha, files] : st.files_of_sha)
    for (const auto& f : files) EXPECT_EQ(f.find("not-a-pdf"), std::string::npos) << "a failed file was indexed";
  EXPECT_EQ(termfreq(db, "XIDkst-29521-481"), 0u);

  // The two readable variants of kst-28676-445 are one hit, never two.
  auto s = run_cli({"search", "dossier:28676", "--db", db, "--json", "--limit", "50"});
  ASSERT_EQ(s.rc, 0) << s.err;
  auto hits = nlohmann::json::parse(s.out)["hits"];
  EXPECT_EQ(std::count_if(hits.begin(), hits.end(), [](const auto& h) { return h["id"] == "kst-28676-445"; }), 1) << s.out;

  // The file with spaces, an en dash and a diaeresis in its name is found under that name.
  std::string odd = dir + "/brief oostflank \xE2\x80\x93 ge\xC3\xAFnformeerd.pdf";
  bool listed = false;
  for (const auto& [sha, files] : st.files_of_sha) listed = listed || std::count(files.begin(), files.end(), odd);
  EXPECT_TRUE(listed) << "not indexed under its own name: " << odd;
}

TEST(BadFixtures, OddFileNameIsShownUnchanged) {
  TempDir tmp;
  std::string name = "brief oostflank \xE2\x80\x93 ge\xC3\xAFnformeerd.pdf";
  std::filesystem::create_directories(tmp / "docs");
  copy_file(fixture("bad/" + name), tmp / ("docs/" + name));
  // The same odd name on a damaged file: its error line must show the name byte for byte.
  std::string broken = "kapot \xE2\x80\x93 ge\xC3\xAFnformeerd.pdf";
  copy_file(fixture("bad/truncated-half.pdf"), tmp / ("docs/" + broken));
  auto r = run_cli({"index", tmp / "docs", "--db", tmp / "db"});
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(r.err.find("kamerzoek: " + tmp / ("docs/" + broken) + ": "), std::string::npos) << r.err;
  auto s = run_cli({"search", "oostflank", "--db", tmp / "db", "--json"});
  ASSERT_EQ(s.rc, 0) << s.err;
  auto hits = nlohmann::json::parse(s.out)["hits"];
  ASSERT_EQ(hits.size(), 1u) << s.out;
  EXPECT_EQ(hits[0]["file"], tmp / ("docs/" + name));
}

// Runs `index` in the background so that a walker that follows a loop or blocks on a FIFO
// fails the test instead of hanging it.
RunResult bounded_index(const std::string& root, const std::string& db, const std::string& io) {
  auto bg = start_cli({"index", root, "--db", db}, io);
  if (!bg.wait(std::chrono::seconds(60))) {
    bg.kill_now(SIGKILL);
    bg.wait(std::chrono::seconds(5));
    ADD_FAILURE() << "index did not finish within 60 s on " << root;
  }
  return {bg.rc, bg.out(), bg.err()};
}

TEST(HostilePaths, LoopsEscapesAndSpecialFilesAreReportedNotFollowed) {
  TempDir tmp;
  std::string root = tmp / "root", outside = tmp / "outside";
  std::filesystem::create_directories(root + "/sub");
  std::filesystem::create_directories(outside);
  auto samples = sample_pdfs();
  copy_file(samples[0], root + "/good.pdf");
  copy_file(samples[1], outside + "/secret.pdf");
  std::filesystem::create_directory_symlink(root, root + "/loop");         // points at itself
  std::filesystem::create_directory_symlink("..", root + "/sub/up");       // back up the tree
  std::filesystem::create_symlink(outside + "/secret.pdf", root + "/escape.pdf");
  std::filesystem::create_directory_symlink(outside, root + "/escape-dir");
  std::filesystem::create_symlink(root + "/missing.pdf", root + "/dangling.pdf");
  std::filesystem::create_symlink(root + "/self.pdf", root + "/self.pdf");  // ELOOP
  ASSERT_EQ(mkfifo((root + "/pipe.pdf").c_str(), 0600), 0);

  auto r = bounded_index(root, tmp / "db", tmp.path());
  EXPECT_EQ(r.rc, 3) << r.err;
  auto lines = lines_with_prefix(r.err, "kamerzoek: ");
  auto reported = [&](const std::string& path) {
    return std::count_if(lines.begin(), lines.end(),
                         [&](const std::string& l) { return l.rfind("kamerzoek: " + path + ": ", 0) == 0; });
  };
  for (const char* p : {"/loop", "/sub/up", "/escape.pdf", "/escape-dir", "/dangling.pdf", "/self.pdf"})
    EXPECT_EQ(reported(root + p), 1) << p << " not reported once:\n" << r.err;
  IndexState st;
  EXPECT_EQ(check_index(tmp / "db", &st, true), "");
  EXPECT_EQ(st.docs, 1u) << "only good.pdf lies under the root";
  for (const auto& [path, sha] : st.record_sha) EXPECT_EQ(path.rfind(root + "/", 0), 0u) << path;
}

TEST(HostilePaths, UnreadableFileIsReported) {
  TempDir tmp;
  std::string root = tmp / "root";
  std::filesystem::create_directories(root);
  auto samples = sample_pdfs();
  copy_file(samples[0], root + "/good.pdf");
  copy_file(samples[1], root + "/locked.pdf");
  chmod((root + "/locked.pdf").c_str(), 0);
  if (access((root + "/locked.pdf").c_str(), R_OK) == 0)
    GTEST_SKIP() << "running with privileges that read a chmod 000 file (root): nothing to test";
  auto r = bounded_index(root, tmp / "db", tmp.path());
  EXPECT_EQ(r.rc, 3);
  auto lines = lines_with_prefix(r.err, "kamerzoek: " + root + "/locked.pdf: ");
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_NE(lower(lines[0]).find("permission denied"), std::string::npos) << lines[0];
  EXPECT_EQ(check_index(tmp / "db"), "");
}

}  // namespace
}  // namespace kz::test
