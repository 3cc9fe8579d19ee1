// File names as an attacker would choose them (a newline and a forged "kamerzoek:" line, an
// ESC sequence, bytes that are not UTF-8) go through index, search and show, in text and in
// JSON: nothing raw reaches the terminal, and JSON keeps a reversible form of the name.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace {

using nlohmann::json;
using kz::test::run_cli;
namespace fs = std::filesystem;

const std::string kForged = "x.pdf: not a PDF\nkamerzoek: all files indexed OK\x1b[2K.pdf";
const std::string kBadUtf8 = "brief-\xff\xfe-\x1b]0;titel\x07.pdf";

// Inverse of the \xNN / \\ escapes in file_bytes.
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '\\') {
      out += '\\';
      ++i;
    } else if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
      out += static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool has_raw_controls(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n') || u == 0x7F;
  });
}

// Every line of stderr is one of ours, and no line is the forged one.
void expect_honest_lines(const std::string& err) {
  std::size_t b = 0;
  while (b < err.size()) {
    std::size_t e = err.find('\n', b);
    std::string line = err.substr(b, e - b);
    EXPECT_EQ(line.rfind("kamerzoek: ", 0), 0u) << "line not ours: " << line;
    EXPECT_NE(line.rfind("kamerzoek: all files indexed OK", 0), 0u) << "forged line: " << line;
    b = e == std::string::npos ? err.size() : e + 1;
  }
  EXPECT_FALSE(has_raw_controls(err)) << err;
}

class HostileNames : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(t / "docs");
    std::ofstream(t / ("docs/" + kForged)) << "not a PDF at all\n";
    kz::test::copy_file(kz::test::corpus_dir() + "/kst-28676-445.pdf", t / ("docs/" + kBadUtf8));
  }
  kz::test::TempDir t;
};

TEST_F(HostileNames, IndexNamesTheFailedFileWithoutForgingALine) {
  auto r = run_cli({"index", t / "docs", "--db", t / "db"});
  EXPECT_EQ(r.rc, 3) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  expect_honest_lines(r.err);
  EXPECT_NE(r.err.find("x.pdf: not a PDF\\x0akamerzoek: all files indexed OK\\x1b[2K.pdf"), std::string::npos) << r.err;

  auto j = run_cli({"index", t / "docs", "--db", t / "db2", "--json"});
  EXPECT_EQ(j.rc, 3);
  json s = json::parse(j.out);
  ASSERT_EQ(s["failed"].size(), 1u);
  // A valid UTF-8 name is in "file" itself (JSON escapes its controls); no file_bytes needed.
  EXPECT_EQ(s["failed"][0]["file"], t / ("docs/" + kForged));
  EXPECT_FALSE(s["failed"][0].contains("file_bytes"));
  expect_honest_lines(j.err);
}

TEST_F(HostileNames, SearchAndShowEscapeTheNameAndJsonKeepsItsBytes) {
  ASSERT_EQ(run_cli({"index", t / "docs", "--db", t / "db"}).rc, 3);
  const std::string real = t / ("docs/" + kBadUtf8);

  auto text = run_cli({"search", "dossier:28676", "--db", t / "db"});
  ASSERT_EQ(text.rc, 0) << text.err;
  EXPECT_FALSE(has_raw_controls(text.out)) << text.out;
  EXPECT_NE(text.out.find("brief-\\xff\\xfe-\\x1b]0;titel\\x07.pdf"), std::string::npos) << text.out;

  auto js = run_cli({"search", "dossier:28676", "--json", "--db", t / "db"});
  ASSERT_EQ(js.rc, 0) << js.err;
  json hit = json::parse(js.out)["hits"].at(0);
  EXPECT_NE(hit["file"].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos) << "U+FFFD in file, as before";
  ASSERT_TRUE(hit.contains("file_bytes"));
  EXPECT_EQ(unescape(hit["file_bytes"]), real);
  EXPECT_TRUE(fs::exists(unescape(hit["file_bytes"])));

  // show, in text and JSON, of the document read from that file.
  auto shown = run_cli({"show", "kst-28676-445", "--db", t / "db"});
  ASSERT_EQ(shown.rc, 0) << shown.err;
  EXPECT_FALSE(has_raw_controls(shown.out)) << shown.out;
  EXPECT_NE(shown.out.find("\\xff\\xfe-\\x1b]0;titel\\x07.pdf"), std::string::npos) << shown.out;
  auto shown_json = run_cli({"show", "kst-28676-445", "--json", "--db", t / "db"});
  ASSERT_EQ(shown_json.rc, 0) << shown_json.err;
  json d = json::parse(shown_json.out);
  EXPECT_EQ(unescape(d["file_bytes"]), real);

  // An unknown reference that is itself hostile comes back escaped, on one line.
  auto unknown = run_cli({"show", kForged, "--db", t / "db"});
  EXPECT_EQ(unknown.rc, 1);
  EXPECT_EQ(std::count(unknown.err.begin(), unknown.err.end(), '\n'), 1) << unknown.err;
  expect_honest_lines(unknown.err);
}

}  // namespace
