// PDF side of the benchmark corpus synthesizer: lays a planned document out on A4 pages in
// one of the three Kamerstuk layouts (published Kamerstuk, ministerial letter, beslisnota).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "synth_text.h"

typedef struct _PangoContext PangoContext;
typedef struct _PangoFontDescription PangoFontDescription;

namespace synth {

// Holds the pango context and fonts of one process; create it after fork, one per worker.
class Renderer {
 public:
  Renderer();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Writes the document to path and returns its page count. Throws std::runtime_error on a
  // cairo error (unwritable path, full disk).
  int render(const Data& data, const DocSpec& spec, const std::string& path);

  PangoContext* context() const { return ctx_; }
  PangoFontDescription* font(const char* desc);

 private:
  PangoContext* ctx_ = nullptr;
  std::vector<std::pair<std::string, PangoFontDescription*>> fonts_;
};

}  // namespace synth
