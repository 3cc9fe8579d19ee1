// The in-memory shape of one document as it flows through the indexer:
// pages of positioned lines -> clean text -> metadata and facts. Plain structs, no behaviour.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace kz {

// One line of text as laid out on a PDF page, in reading order of its column.
struct Line {
  enum class Role { Body, Furniture, Footnote, Side };
  int page = 0;             // 1-based
  std::string text;         // NFKC-normalized UTF-8, as printed (hyphens kept)
  double x = 0, y = 0;      // top-left, in points from the page's top-left corner
  double width = 0, height = 0;
  double font_size = 0;
  double page_width = 595, page_height = 842;  // A4 unless the PDF says otherwise
  Role role = Role::Body;
};

// A paragraph of running text (or a heading / list item), hyphenation at line ends undone.
struct Paragraph {
  int page = 0;             // page the paragraph starts on
  std::string text;
  bool heading = false;     // short line standing alone (section title)
  bool list_item = false;   // starts with a bullet, "-", "a.", "1." ...
};

struct Footnote {
  int page = 0;
  std::string marker;       // "1", "2", ...
  std::string text;
};

// Output of the layout stage: what the PDF says, with page furniture separated out.
struct CleanText {
  int pages = 0;
  std::vector<Line> lines;            // every line of every page, with its role
  std::vector<Paragraph> body;        // running text in reading order
  std::vector<Footnote> footnotes;
  std::string body_text_of_page(int page) const;  // paragraphs starting on `page`, "\n\n"-joined
  std::vector<std::string> body_text_by_page() const;  // the same for every page, in one pass
};

struct KamerstukNumber {
  std::string dossier;      // as printed, normalized spacing: "29 521", "21 501-02", "34 775 IX"
  std::string nr;           // "481", "AI"
};

struct Signatory {
  std::string name;         // may be empty when only the role is printed
  std::string role;         // "Minister van Defensie"
};

// A reference in the text to another Kamerstuk or kenmerk.
struct Citation {
  std::string printed;      // as printed: "Kamerstuk 29 521, nr. 481"
  std::string id;           // normalized id ("kst-29521-481") or empty when it cannot be made
  std::vector<std::string> also;  // further ids for multi-dossier refs ("22 054 en 36 045, nr. 398")
  int page = 0;
  std::string sentence;
};

struct Metadata {
  std::string id;                          // see the spec: kst-..., kenmerk, or file-<sha12>
  std::string layout;                      // "kst", "brief", "nota", "unknown"
  std::optional<KamerstukNumber> kamerstuk;
  std::vector<std::string> kenmerken;
  std::string date;                        // YYYY-MM-DD or empty
  std::string title;
  std::string doctype;                     // brief, nota, verslag, motie, geannoteerde agenda, ...
  std::string addressee;                   // Tweede Kamer, Eerste Kamer, or a minister/organisation
  std::vector<Signatory> signatories;
  std::vector<Citation> cites;
  std::string report_start, report_end;    // reporting period of a voortgangsrapportage, if stated
};

// Where a fact was read, so it can be quoted.
struct Source {
  std::string id, date;
  int page = 0;
  std::string sentence;
};

struct CostFact {
  std::string mission;                     // mission id or empty
  long long amount_eur = 0;
  std::string text;                        // as printed: "€ 42,4 miljoen"
  std::optional<int> year;
  std::string period;                      // as printed, when the text names one
  bool estimate = false;
  std::optional<long long> part_of_total_eur;
  int page = 0;
  std::string sentence;
};

struct PeriodFact {
  std::string mission;
  std::string kind;                        // mandate, extension, deployment, announcement
  std::string start, end;                  // YYYY-MM-DD or empty
  std::string text;                        // the phrase that gave the dates
  int page = 0;
  std::string sentence;
};

// A force size: "85 militairen", "maximaal 150 extra militairen", "drie transporthelikopters",
// "Zr.Ms. De Ruyter" (a named ship counts one).
struct ForceFact {
  std::string mission;
  long long count = 0;
  std::string what;                        // the noun or the ship as printed: "militairen"
  std::string kind;                        // personnel, ship, aircraft, unit
  bool max = false;                        // a ceiling: "maximaal", "ten hoogste"
  bool about = false;                      // an approximation: "ongeveer", "circa", "een tiental"
  bool extra = false;                      // added to what is there: "extra", "aanvullende"
  bool dutch = false;                      // the sentence speaks of the Dutch side
  std::string date;                        // first date the sentence names, YYYY-MM-DD, or empty
  std::optional<int> year;                 // that date's year, else the document's
  std::string text;                        // the phrase as printed: "maximaal 150 extra militairen"
  int page = 0;
  std::string sentence;
};

struct Facts {
  std::vector<std::string> missions;       // mission ids the document discusses
  std::vector<CostFact> costs;
  std::vector<PeriodFact> periods;
  std::vector<ForceFact> forces;
};

}  // namespace kz
