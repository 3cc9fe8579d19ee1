// Lays generated text out in pages (flowing justified paragraphs line by line, footnotes at the
// page foot) and draws each layout's page furniture with cairo and pango into a PDF.
#include "synth_render.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <memory>
#include <stdexcept>

namespace synth {
namespace {

constexpr double kPageW = 595.276, kPageH = 841.89;

struct Placed {
  PangoLayout* layout;
  int line;  // -1: the whole layout with its top-left at (x, y); else one line with its baseline at y
  double x, y;
};

struct Page {
  std::vector<Placed> items;
  PangoLayout* footnote = nullptr;
};

struct Geometry {
  double x, w, top, bottom;  // body column; top and bottom of pages after the first
};

Geometry geometry(Layout l) {
  switch (l) {
    case Layout::Kamerstuk: return {160, 393, 60, 765};
    default: return {57, 355, 110, 770};
  }
}

std::string escape(const std::string& s) {
  char* e = g_markup_escape_text(s.c_str(), static_cast<gssize>(s.size()));
  std::string out(e);
  g_free(e);
  return out;
}

// Owns every layout of one document and places them on pages.
class Flow {
 public:
  Flow(Renderer& r, TextGen& gen, Geometry g) : r_(r), gen_(gen), g_(g), hard_hyphens_(!gen.rng().chance(0.2)) {}
  ~Flow() {
    for (auto* l : owned_) g_object_unref(l);
  }

  PangoLayout* make(const std::string& markup, const char* font, double width, bool justify) {
    PangoLayout* l = pango_layout_new(r_.context());
    owned_.push_back(l);
    pango_layout_set_font_description(l, r_.font(font));
    if (width > 0) pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_justify(l, justify);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
    pango_layout_set_markup(l, markup.c_str(), -1);
    return l;
  }
  static double height(PangoLayout* l) {
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void start(double first_top) {
    pages.emplace_back();
    y_ = first_top;
    bottom_ = g_.bottom;
  }
  void fixed(PangoLayout* l, double x, double y) { pages.back().items.push_back({l, -1, x, y}); }
  double y() const { return y_; }
  void skip(double dy) { y_ += dy; }
  double fill_ratio() const { return (y_ - g_.top) / (g_.bottom - g_.top); }

  // A body paragraph; the first one after a page's footnote carries that footnote's marker.
  void paragraph(const std::string& text, const char* font, double indent = 0, const std::string& bullet = "") {
    std::string markup = escape(add_soft_hyphens(text));
    if (pending_marker_) {
      size_t at = markup.find(". ");
      at = at == std::string::npos ? markup.size() : at + 1;
      markup.insert(at, "<span rise=\"3500\" size=\"65%\">" + std::to_string(pending_marker_) + "</span>");
      pending_marker_ = 0;
    }
    PangoLayout* l = make(markup, font, g_.w - indent, true);
    PangoLayout* mark = bullet.empty() ? nullptr : make(escape(bullet), font, 0, false);
    flow_lines(l, indent, mark);
    y_ += 5;
  }
  void heading(const std::string& text, const char* font) {
    PangoLayout* l = make(escape(text), font, g_.w, false);
    if (y_ + height(l) + 40 > bottom_) new_page();
    flow_lines(l, 0, nullptr);
    y_ += 2;
  }

  std::vector<Page> pages;
  int footnotes = 0;

 private:
  void new_page() {
    pages.emplace_back();
    y_ = g_.top;
    bottom_ = g_.bottom;
    if (gen_.rng().chance(0.3)) {
      ++footnotes;
      std::string text = "<span rise=\"2500\" size=\"75%\">" + std::to_string(footnotes) + "</span> " +
                         escape(gen_.footnote());
      PangoLayout* l = make(text, "Sans 6.5", g_.w, false);
      pages.back().footnote = l;
      bottom_ -= height(l) + 10;
      pending_marker_ = footnotes;
    }
  }
  void flow_lines(PangoLayout* l, double indent, PangoLayout* mark) {
    PangoLayoutIter* it = pango_layout_get_iter(l);
    int line = 0;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      double h = static_cast<double>(logical.height) / PANGO_SCALE;
      double base = static_cast<double>(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
      if (y_ + h > bottom_) new_page();
      PangoLayoutLine* pl = pango_layout_iter_get_line_readonly(it);
      PangoLayout* hard = hard_hyphens_ ? hyphenated_line(l, pl->start_index, pl->length) : nullptr;
      pages.back().items.push_back({hard ? hard : l, hard ? 0 : line, g_.x + indent, y_ + base});
      if (line == 0 && mark) pages.back().items.push_back({mark, 0, g_.x + indent - 12, y_ + base});
      y_ += h;
      ++line;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  // Pango draws the hyphen of a line broken at U+00AD with that character's text, so extractors
  // print a soft hyphen. Most real PDFs carry "-" there: such a line is laid out again on its own,
  // ending in "-" and justified to the full width.
  PangoLayout* hyphenated_line(PangoLayout* l, int start, int len) {
    const char* text = pango_layout_get_text(l);
    if (len < 2 || std::string_view(text + start + len - 2, 2) != "\u00ad") return nullptr;
    std::string s(text + start, len - 2);
    s += '-';
    PangoLayout* one = pango_layout_new(r_.context());
    owned_.push_back(one);
    pango_layout_set_font_description(one, pango_layout_get_font_description(l));
    pango_layout_set_width(one, pango_layout_get_width(l));
    pango_layout_set_justify(one, true);
    pango_layout_set_justify_last_line(one, true);
    if (PangoAttrList* src = pango_layout_get_attributes(l)) {
      PangoAttrList* dst = pango_attr_list_new();
      GSList* all = pango_attr_list_get_attributes(src);
      const guint lo = start, hi = start + len - 2;
      for (GSList* a = all; a; a = a->next) {
        auto* attr = static_cast<PangoAttribute*>(a->data);
        if (attr->end_index <= lo || attr->start_index >= hi) continue;
        PangoAttribute* c = pango_attribute_copy(attr);
        c->start_index = std::max(attr->start_index, lo) - lo;
        c->end_index = std::min(attr->end_index, hi) - lo;
        pango_attr_list_insert(dst, c);
      }
      g_slist_free_full(all, reinterpret_cast<GDestroyNotify>(pango_attribute_destroy));
      pango_layout_set_attributes(one, dst);
      pango_attr_list_unref(dst);
    }
    pango_layout_set_text(one, s.data(), static_cast<int>(s.size()));
    return pango_layout_get_line_count(one) == 1 ? one : nullptr;
  }

  Renderer& r_;
  TextGen& gen_;
  Geometry g_;
  double y_ = 0, bottom_ = 0;
  int pending_marker_ = 0;
  bool hard_hyphens_;  // most documents print "-" at a line-end break, some keep U+00AD
  std::vector<PangoLayout*> owned_;
};

std::string vergaderjaar(const Date& d) {
  int start = (d.m > 9 || (d.m == 9 && d.d >= 15)) ? d.y : d.y - 1;
  return std::to_string(start) + "\u2013" + std::to_string(start + 1);
}

std::string kamer(const DocSpec& s) { return s.eerste_kamer ? "Eerste Kamer" : "Tweede Kamer"; }

// The furniture drawn on every page (footers, side column, "Pagina x van y") once the page count is known.
void draw_furniture(cairo_t* cr, Flow& f, const DocSpec& s, int page, int total) {
  auto text = [&](const std::string& markup, const char* font, double x, double y, double width = 0,
                  PangoAlignment align = PANGO_ALIGN_LEFT) {
    PangoLayout* l = f.make(markup, font, width, false);
    pango_layout_set_alignment(l, align);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
  };
  if (s.layout == Layout::Kamerstuk) {
    std::string foot = kamer(s) + ", vergaderjaar " + vergaderjaar(s.date) + ", " + s.dossier->number + ", nr. " +
                       std::to_string(s.nr) + "   " + std::to_string(page);
    text(escape(foot), "Serif 7.5", 160, 800, 393, PANGO_ALIGN_RIGHT);
    if (page == 1) {
      std::string id = "kst-" + s.id.substr(4);
      text(escape(id + "\nISSN 0921 - 7371\n's-Gravenhage " + std::to_string(s.date.y)), "Serif 6", 40, 780);
    }
    return;
  }
  // Letter and nota: the Rijkslint stand-in, the department name, the side column and page numbers.
  cairo_set_source_rgb(cr, 0.08, 0.20, 0.45);
  cairo_rectangle(cr, 287, 0, 21, 62);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  text("<b>Ministerie van Defensie</b>", "Sans 9", 330, 72);
  std::string col;
  if (page == 1 && s.layout == Layout::Letter)
    col = "<b>Ministerie van Defensie</b>\nKalvermarkt 32\nPostbus 20701\n2500 ES Den Haag\nwww.defensie.nl\n\n";
  col += "<b>Datum</b>\n" + escape(dutch_date(s.date)) + "\n<b>Onze referentie</b>\n" + s.kenmerk;
  if (page == 1 && s.layout == Layout::Nota) col += "\n<b>Opgesteld door</b>\n\n<b>Aantal bijlagen</b>\n1";
  text(col, "Sans 6.5", 450, 125, 120);
  text("Pagina " + std::to_string(page) + " van " + std::to_string(total), "Sans 6.5", 450, 800);
}

void write_header(Flow& f, const DocSpec& s) {
  f.start(0);
  if (s.layout == Layout::Kamerstuk) {
    f.fixed(f.make("<b>" + kamer(s) + " der Staten-Generaal</b>", "Serif 15", 0, false), 40, 45);
    f.fixed(f.make(std::string("<b>") + (s.eerste_kamer ? "1" : "2") + "</b>", "Serif 15", 0, false), 540, 45);
    f.fixed(f.make("Vergaderjaar " + vergaderjaar(s.date), "Serif 9", 0, false), 40, 68);
    f.fixed(f.make("<b>" + escape(s.dossier->number) + "</b>", "Serif 10", 0, false), 40, 100);
    PangoLayout* t = f.make("<b>" + escape(s.dossier->title) + "</b>", "Serif 10", 393, false);
    f.fixed(t, 160, 100);
    double y = 100 + Flow::height(t) + 14;
    std::string kind = "BRIEF VAN DE MINISTER" + std::string(s.signers.size() > 1 ? "S" : "") + " VAN DEFENSIE";
    if (s.signers.size() > 1) kind += " EN VAN BUITENLANDSE ZAKEN";
    f.fixed(f.make("<b>Nr. " + std::to_string(s.nr) + "</b>", "Serif 10", 0, false), 40, y);
    PangoLayout* k = f.make("<b>" + kind + "</b>", "Serif 10", 393, false);
    f.fixed(k, 160, y);
    y += Flow::height(k) + 10;
    PangoLayout* a = f.make("Aan de Voorzitter van de " + kamer(s) + " der Staten-Generaal\n\nDen Haag, " +
                                escape(dutch_date(s.date)), "Serif 10", 393, false);
    f.fixed(a, 160, y);
    f.skip(y + Flow::height(a) + 14);
    return;
  }
  if (s.layout == Layout::Letter) {
    f.fixed(f.make("&gt; Retouradres Postbus 20701 2500 ES Den Haag", "Sans 6", 0, false), 57, 150);
    std::string addr = s.eerste_kamer ? "de Voorzitter van de Eerste Kamer\nder Staten-Generaal\nKazernestraat 52\n2514 CV Den Haag"
                                      : "de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA Den Haag";
    f.fixed(f.make(addr, "Sans 9", 0, false), 57, 165);
    f.fixed(f.make("Datum\nBetreft", "Sans 9", 0, false), 57, 250);
    PangoLayout* t = f.make(escape(dutch_date(s.date)) + "\n" + escape(s.title), "Sans 9", 290, false);
    f.fixed(t, 120, 250);
    f.skip(250 + Flow::height(t) + 30);
    f.fixed(f.make("Geachte voorzitter,", "Sans 9", 0, false), 57, f.y());
    f.skip(22);
    return;
  }
  static const char* from[] = {"DGB", "DOPS", "HDFC", "DS", "DMO"};
  std::string values = "MINDEF\n" + std::string(from[s.index % 5]) + "\nCDS, HDFC, DJZ, DCO, BZ\nSTASDEF";
  f.fixed(f.make("<b>Aan\nVan\nAfgestemd met\nIn afschrift aan</b>", "Sans 8", 0, false), 57, 130);
  f.fixed(f.make(values, "Sans 8", 0, false), 180, 130);
  f.fixed(f.make("<b>TER BESLISSING</b>", "Sans 9", 0, false), 57, 200);
  f.fixed(f.make("<b>Nota</b>", "Sans 16", 0, false), 57, 225);
  PangoLayout* t = f.make("<b>" + escape(s.title) + "</b>", "Sans 10", 355, false);
  f.fixed(t, 57, 250);
  f.skip(250 + Flow::height(t) + 16);
}

void write_body(Flow& f, TextGen& gen, const DocSpec& s) {
  const bool kst = s.layout == Layout::Kamerstuk;
  const char* body = kst ? "Serif 10" : "Sans 9";
  const char* head = kst ? "Serif Italic 10" : "Sans Bold 9";
  static const char* nota_heads[] = {"Aanleiding", "Geadviseerd besluit", "Kernpunten", "Toelichting",
                                     "Financiële overwegingen", "Juridische overwegingen", "Communicatie"};
  size_t nota_step = 0;
  auto enough = [&]() {
    int pages = static_cast<int>(f.pages.size());
    return pages > s.target_pages || (pages == s.target_pages && f.fill_ratio() > 0.55);
  };
  bool first = true;
  while (!enough()) {
    if (s.layout == Layout::Nota && nota_step < std::size(nota_heads) && (first || gen.rng().chance(0.5))) {
      f.heading(nota_heads[nota_step++], head);
    } else if (!first && gen.rng().chance(0.3)) {
      f.heading(gen.heading(), head);
    }
    first = false;
    if (gen.rng().chance(s.layout == Layout::Nota ? 0.35 : 0.12)) {
      for (int b = gen.rng().between(3, 5); b > 0; --b) f.paragraph(gen.paragraph(1, 2), body, 18, "\u2022");
    } else {
      f.paragraph(gen.paragraph(2, 6), body);
    }
  }
  if (s.layout == Layout::Nota) return;
  std::string sign = kst ? "" : "Hoogachtend,\n\n";
  for (auto* g : s.signers) {
    std::string role = kst ? g->role : "de " + g->role.substr(3);
    if (!kst) role[3] = 'm';  // letters write "de minister van ..."
    sign += role + ",\n\n" + g->name + "\n\n";
  }
  f.paragraph(sign, body);
}

}  // namespace

Renderer::Renderer() {
  PangoFontMap* map = pango_cairo_font_map_new();
  ctx_ = pango_font_map_create_context(map);
  g_object_unref(map);
  pango_cairo_context_set_resolution(ctx_, 72);
  cairo_font_options_t* opts = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(ctx_, opts);
  cairo_font_options_destroy(opts);
  pango_context_set_language(ctx_, pango_language_from_string("nl"));
}

Renderer::~Renderer() {
  for (auto& [name, desc] : fonts_) pango_font_description_free(desc);
  g_object_unref(ctx_);
}

PangoFontDescription* Renderer::font(const char* desc) {
  for (auto& [name, d] : fonts_)
    if (name == desc) return d;
  fonts_.emplace_back(desc, pango_font_description_from_string(desc));
  return fonts_.back().second;
}

int Renderer::render(const Data& data, const DocSpec& spec, const std::string& path) {
  TextGen gen(data, spec);
  Flow flow(*this, gen, geometry(spec.layout));
  write_header(flow, spec);
  write_body(flow, gen, spec);

  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kPageW, kPageH);
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT10:00:00", spec.date.y, spec.date.m, spec.date.d);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, spec.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, "Ministerie van Defensie");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kamerzoek synth_corpus");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
  cairo_t* cr = cairo_create(surface);
  const int total = static_cast<int>(flow.pages.size());
  for (int p = 0; p < total; ++p) {
    const Page& page = flow.pages[p];
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const Placed& it : page.items) {
      cairo_move_to(cr, it.x, it.y);
      if (it.line < 0) pango_cairo_show_layout(cr, it.layout);
      else pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(it.layout, it.line));
    }
    if (page.footnote) {
      double h = Flow::height(page.footnote);
      double top = geometry(spec.layout).bottom - h;
      cairo_set_line_width(cr, 0.5);
      cairo_move_to(cr, geometry(spec.layout).x, top - 5);
      cairo_rel_line_to(cr, 120, 0);
      cairo_stroke(cr);
      cairo_move_to(cr, geometry(spec.layout).x, top);
      pango_cairo_show_layout(cr, page.footnote);
    }
    draw_furniture(cr, flow, spec, p + 1, total);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(path + ": " + cairo_status_to_string(status));
  return total;
}

}  // namespace synth
