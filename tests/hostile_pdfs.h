// Generators of hostile PDFs for the hostile-input suite: thousands of pages, page trees and
// form XObjects nested thousands deep or looping, arrays/dicts nested far beyond any parser's
// recursion, fonts that are broken or have no Unicode mapping, very large files, a Flate
// decompression bomb, and deterministic mutations (byte flips, truncations) of real PDFs.
// Everything is made in memory at test time; nothing here needs an outside tool.
#pragma once
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace kz::test::hostile {

// Numbered objects with a correct xref table, so that only the intended defect is in a file.
class PdfBuilder {
 public:
  int reserve() {
    objects_.emplace_back();
    return static_cast<int>(objects_.size());
  }
  void set(int num, std::string body) { objects_[static_cast<std::size_t>(num - 1)] = std::move(body); }
  int add(std::string body) {
    int n = reserve();
    set(n, std::move(body));
    return n;
  }
  static std::string stream(const std::string& dict_entries, const std::string& data) {
    return "<< /Length " + std::to_string(data.size()) + " " + dict_entries + " >>\nstream\n" + data +
           "\nendstream";
  }
  std::string finish(int root) const {
    std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects_.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
    char line[32];
    for (auto off : offsets) {
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
      out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " /Root " + std::to_string(root) +
           " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  std::vector<std::string> objects_;
};

inline std::string ref(int n) { return std::to_string(n) + " 0 R"; }

// A content stream printing `lines` (ASCII) from the top of an A4 page.
inline std::string text_content(const std::vector<std::string>& lines, const std::string& font = "/F1") {
  std::string s = "BT " + font + " 11 Tf 14 TL 72 780 Td\n";
  for (const auto& l : lines) {
    s += "(";
    for (char c : l) {
      if (c == '(' || c == ')' || c == '\\') s += '\\';
      s += c;
    }
    s += ") '\n";
  }
  return s + "ET\n";
}

inline const std::vector<std::string>& dutch_lines() {
  static const std::vector<std::string> lines{
      "Hierbij informeer ik uw Kamer over de voortgang van de Nederlandse bijdrage",
      "aan de versterking van de oostflank van het NAVO-verdragsgebied.",
      "De kosten van de inzet worden geraamd op 12,5 miljoen euro en worden",
      "gefinancierd uit het Budget Internationale Veiligheid."};
  return lines;
}

inline std::string helvetica() { return "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"; }

// A document whose pages each draw one content stream; `font` is the /F1 resource.
inline std::string simple_document(const std::vector<std::string>& contents, const std::string& font_obj,
                                   const std::string& extra_page_entries = "", const std::string& xobjects = "") {
  PdfBuilder b;
  int catalog = b.reserve(), pages = b.reserve(), font = b.add(font_obj);
  std::string kids;
  for (const auto& c : contents) {
    int content = b.add(PdfBuilder::stream("", c));
    int page = b.add("<< /Type /Page /Parent " + ref(pages) + " /MediaBox [0 0 595 842] /Contents " + ref(content) +
                     " /Resources << /Font << /F1 " + ref(font) + " >> " + xobjects + " >> " + extra_page_entries +
                     " >>");
    kids += ref(page) + " ";
  }
  b.set(pages, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>");
  b.set(catalog, "<< /Type /Catalog /Pages " + ref(pages) + " >>");
  return b.finish(catalog);
}

inline std::string many_pages(int n) {
  std::vector<std::string> contents;
  for (int i = 1; i <= n; ++i) {
    auto lines = dutch_lines();
    lines.insert(lines.begin(), "Pagina " + std::to_string(i) + " van de lange bijlage");
    contents.push_back(text_content(lines));
  }
  return simple_document(contents, helvetica());
}

// A page tree `depth` levels deep (each /Pages node has one kid), or one whose root lists itself.
inline std::string deep_page_tree(int depth, bool loop) {
  PdfBuilder b;
  int catalog = b.reserve(), font = b.add(helvetica());
  int content = b.add(PdfBuilder::stream("", text_content(dutch_lines())));
  std::vector<int> nodes;
  for (int i = 0; i < depth; ++i) nodes.push_back(b.reserve());
  int page = b.add("<< /Type /Page /Parent " + ref(nodes.back()) + " /MediaBox [0 0 595 842] /Contents " +
                   ref(content) + " /Resources << /Font << /F1 " + ref(font) + " >> >> >>");
  for (int i = 0; i < depth; ++i) {
    std::string parent = i > 0 ? " /Parent " + ref(nodes[i - 1]) : "";
    int kid = i + 1 < depth ? nodes[i + 1] : page;
    std::string kids = loop ? ref(nodes[0]) + " " + ref(kid) : ref(kid);
    b.set(nodes[i], "<< /Type /Pages /Kids [" + kids + "] /Count 1" + parent + " >>");
  }
  b.set(catalog, "<< /Type /Catalog /Pages " + ref(nodes[0]) + " >>");
  return b.finish(catalog);
}

// A page dictionary carrying an entry nested `depth` deep: arrays "[[[...]]]" or dicts.
inline std::string deep_nesting(int depth, bool dicts) {
  std::string v;
  v.reserve(static_cast<std::size_t>(depth) * 8);
  for (int i = 0; i < depth; ++i) v += dicts ? "<< /K " : "[";
  v += "0";
  for (int i = 0; i < depth; ++i) v += dicts ? " >>" : "]";
  return simple_document({text_content(dutch_lines())}, helvetica(), "/Deep " + v);
}

// Form XObjects each drawing the next, `depth` deep; with `loop` the last draws the first.
inline std::string nested_forms(int depth, bool loop) {
  PdfBuilder b;
  int catalog = b.reserve(), pages = b.reserve(), font = b.add(helvetica());
  std::vector<int> forms;
  for (int i = 0; i < depth; ++i) forms.push_back(b.reserve());
  std::string font_res = "/Font << /F1 " + ref(font) + " >>";
  for (int i = 0; i < depth; ++i) {
    int next = i + 1 < depth ? forms[i + 1] : (loop ? forms[0] : 0);
    std::string body = i == depth - 1 ? text_content(dutch_lines()) : "";
    std::string res = font_res;
    if (next) {
      body += "q /X Do Q\n";
      res += " /XObject << /X " + ref(next) + " >>";
    }
    b.set(forms[i], PdfBuilder::stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << " + res + " >>",
                                       body));
  }
  int content = b.add(PdfBuilder::stream("", text_content(dutch_lines()) + "q /X Do Q\n"));
  int page = b.add("<< /Type /Page /Parent " + ref(pages) + " /MediaBox [0 0 595 842] /Contents " + ref(content) +
                   " /Resources << " + font_res + " /XObject << /X " + ref(forms[0]) + " >> >> >>");
  b.set(pages, "<< /Type /Pages /Kids [" + ref(page) + "] /Count 1 >>");
  b.set(catalog, "<< /Type /Catalog /Pages " + ref(pages) + " >>");
  return b.finish(catalog);
}

// A graphics-state stack pushed `n` times without ever being popped, then text.
inline std::string save_flood(int n) {
  std::string c;
  c.reserve(static_cast<std::size_t>(n) * 2 + 512);
  for (int i = 0; i < n; ++i) c += "q\n";
  return simple_document({c + text_content(dutch_lines())}, helvetica());
}

// Broken fonts: an embedded font program of junk, a composite font without any Unicode
// mapping (two-byte codes), and glyph names no reader can map to letters.
enum class BrokenFont { JunkType1, JunkTrueType, CidNoToUnicode, UnknownGlyphNames };

inline std::string broken_font(BrokenFont kind) {
  PdfBuilder b;
  int catalog = b.reserve(), pages = b.reserve();
  std::mt19937 rng(7);
  std::string junk(4096, '\0');
  for (auto& ch : junk) ch = static_cast<char>(rng() & 0xff);
  std::string font, content;
  std::string widths = "/FirstChar 32 /LastChar 126 /Widths [";
  for (int i = 0; i < 95; ++i) widths += " 500";
  widths += " ]";
  std::string descriptor_base = "/Type /FontDescriptor /FontName /Broken /Flags 32 /FontBBox [0 0 1000 1000] "
                                "/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80";
  switch (kind) {
    case BrokenFont::JunkType1: {
      int file = b.add(PdfBuilder::stream("/Length1 2048 /Length2 2048 /Length3 0", junk));
      int desc = b.add("<< " + descriptor_base + " /FontFile " + ref(file) + " >>");
      font = "<< /Type /Font /Subtype /Type1 /BaseFont /Broken " + widths + " /FontDescriptor " + ref(desc) + " >>";
      content = text_content(dutch_lines());
      break;
    }
    case BrokenFont::JunkTrueType: {
      int file = b.add(PdfBuilder::stream("/Length1 4096", junk));
      int desc = b.add("<< " + descriptor_base + " /FontFile2 " + ref(file) + " >>");
      font = "<< /Type /Font /Subtype /TrueType /BaseFont /Broken " + widths + " /FontDescriptor " + ref(desc) + " >>";
      content = text_content(dutch_lines());
      break;
    }
    case BrokenFont::CidNoToUnicode: {
      int desc = b.add("<< " + descriptor_base + " >>");
      int cid = b.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Broken /CIDSystemInfo << /Registry (Adobe) "
                      "/Ordering (Identity) /Supplement 0 >> /FontDescriptor " + ref(desc) + " /DW 500 >>");
      font = "<< /Type /Font /Subtype /Type0 /BaseFont /Broken /Encoding /Identity-H /DescendantFonts [" + ref(cid) +
             "] >>";
      content = "BT /F1 11 Tf 72 780 Td 14 TL\n";
      for (int l = 0; l < 40; ++l) {
        content += "<";
        for (int g = 0; g < 60; ++g) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "%04X", 3 + (l * 7 + g * 13) % 90);
          content += hex;
        }
        content += "> '\n";
      }
      content += "ET\n";
      break;
    }
    case BrokenFont::UnknownGlyphNames: {
      std::string diffs = "[32";
      for (int c = 32; c < 127; ++c) diffs += " /g" + std::to_string(c * 31 % 251);
      diffs += "]";
      font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences " + diffs +
             " >> >>";
      content = text_content(dutch_lines());
      break;
    }
  }
  int f = b.add(font);
  int c = b.add(PdfBuilder::stream("", content));
  int page = b.add("<< /Type /Page /Parent " + ref(pages) + " /MediaBox [0 0 595 842] /Contents " + ref(c) +
                   " /Resources << /Font << /F1 " + ref(f) + " >> >> >>");
  b.set(pages, "<< /Type /Pages /Kids [" + ref(page) + "] /Count 1 >>");
  b.set(catalog, "<< /Type /Catalog /Pages " + ref(pages) + " >>");
  return b.finish(catalog);
}

// A normal one-page letter followed by `megabytes` of an unreferenced binary stream.
inline std::string large_padding(int megabytes) {
  PdfBuilder b;
  int catalog = b.reserve(), pages = b.reserve(), font = b.add(helvetica());
  int content = b.add(PdfBuilder::stream("", text_content(dutch_lines())));
  int page = b.add("<< /Type /Page /Parent " + ref(pages) + " /MediaBox [0 0 595 842] /Contents " + ref(content) +
                   " /Resources << /Font << /F1 " + ref(font) + " >> >> >>");
  b.set(pages, "<< /Type /Pages /Kids [" + ref(page) + "] /Count 1 >>");
  b.set(catalog, "<< /Type /Catalog /Pages " + ref(pages) + " >>");
  std::string pad(static_cast<std::size_t>(megabytes) << 20, '\0');
  std::mt19937 rng(11);
  for (std::size_t i = 0; i < pad.size(); i += 4) pad[i] = static_cast<char>(rng() & 0xff);
  b.add(PdfBuilder::stream("", pad));
  return b.finish(catalog);
}

// One page whose (uncompressed) content stream shows `lines` lines of text: megabytes of text
// operators on a single page.
inline std::string huge_page(int lines) {
  std::vector<std::string> all;
  for (int i = 0; i < lines; ++i) all.push_back(dutch_lines()[static_cast<std::size_t>(i) % 4]);
  return simple_document({text_content(all)}, helvetica());
}

// zlib data that inflates to `pattern` repeated to about `inflated_bytes`, by fixed-Huffman
// back-references of length 258: about 160 times smaller than what it expands to.
inline std::string deflate_bomb(const std::string& pattern, std::size_t inflated_bytes) {
  std::string out = "\x78\x01";
  std::uint32_t bitbuf = 0;
  int bits = 0;
  auto put = [&](std::uint32_t v, int n) {  // LSB first, as deflate packs bits
    bitbuf |= v << bits;
    bits += n;
    while (bits >= 8) {
      out.push_back(static_cast<char>(bitbuf & 0xff));
      bitbuf >>= 8;
      bits -= 8;
    }
  };
  auto put_code = [&](std::uint32_t code, int n) {  // Huffman codes go most significant bit first
    for (int i = n - 1; i >= 0; --i) put((code >> i) & 1, 1);
  };
  auto literal = [&](unsigned char c) {
    if (c < 144) put_code(0x30 + c, 8);
    else put_code(0x190 + (c - 144), 9);
  };
  put(1, 1);  // final block
  put(1, 2);  // fixed Huffman codes
  for (char c : pattern) literal(static_cast<unsigned char>(c));
  std::size_t total = pattern.size();
  // Distance = pattern length (must be 1..8 for the single distance code used below: 5..8 -> code 5 + extra).
  std::size_t d = pattern.size();
  while (total + 258 <= inflated_bytes) {
    put_code(0xC5, 8);  // length code 285: 258 bytes
    if (d <= 4) put_code(static_cast<std::uint32_t>(d - 1), 5);
    else {
      put_code(d <= 6 ? 4 : 5, 5);
      put(static_cast<std::uint32_t>((d - 1) & 1), 1);
    }
    total += 258;
  }
  for (std::size_t i = total % d; i < d; ++i) literal(static_cast<unsigned char>(pattern[i]));
  for (char c : std::string(" ET\n")) literal(static_cast<unsigned char>(c));
  put_code(0, 7);  // end of block
  if (bits > 0) put(0, 8 - bits);
  out += std::string(4, '\0');  // Adler-32 left out: readers stop at the end of the block
  return out;
}

inline std::string flate_bomb(std::size_t inflated_bytes) {
  std::string head = "BT /F1 9 Tf 72 780 Td ";
  std::string z = deflate_bomb("(ab) Tj ", inflated_bytes);
  PdfBuilder b;
  int catalog = b.reserve(), pages = b.reserve(), font = b.add(helvetica());
  int content = b.add(PdfBuilder::stream("/Filter /FlateDecode", z));
  int prefix = b.add(PdfBuilder::stream("", head));
  int page = b.add("<< /Type /Page /Parent " + ref(pages) + " /MediaBox [0 0 595 842] /Contents [" + ref(prefix) +
                   " " + ref(content) + "] /Resources << /Font << /F1 " + ref(font) + " >> >> >>");
  b.set(pages, "<< /Type /Pages /Kids [" + ref(page) + "] /Count 1 >>");
  b.set(catalog, "<< /Type /Catalog /Pages " + ref(pages) + " >>");
  return b.finish(catalog);
}

// Deterministic damage to a real PDF; `variant` picks the kind and, with `seed`, the place.
inline std::string mutate(const std::string& pdf, int variant, std::uint32_t seed) {
  std::mt19937 rng(seed * 7919u + static_cast<std::uint32_t>(variant));
  std::string s = pdf;
  auto at = [&](std::size_t room) { return s.size() > room ? rng() % (s.size() - room) : 0; };
  switch (variant % 6) {
    case 0:  // one flipped bit
      s[at(1)] ^= static_cast<char>(1 << (rng() % 8));
      break;
    case 1:  // sixteen random bytes
      for (int i = 0; i < 16; ++i) s[at(1)] = static_cast<char>(rng() & 0xff);
      break;
    case 2:  // truncated, as after a broken download
      s.resize(at(1));
      break;
    case 3:  // a chunk cut out (shifts every later offset)
      s.erase(at(64), 64);
      break;
    case 4:  // a range overwritten with noise
      for (std::size_t i = at(256), e = i + 256; i < e && i < s.size(); ++i) s[i] = static_cast<char>(rng() & 0xff);
      break;
    case 5: {  // digits changed everywhere (xref offsets, lengths, object numbers)
      for (auto& c : s)
        if (c >= '0' && c <= '9' && rng() % 50 == 0) c = static_cast<char>('0' + rng() % 10);
      break;
    }
  }
  return s;
}

}  // namespace kz::test::hostile
