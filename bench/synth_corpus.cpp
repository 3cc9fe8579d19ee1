// synth_corpus: writes N realistic, deterministic Kamerstuk PDFs for benchmarking indexers.
// Usage: synth_corpus --out DIR --docs N [--seed S] [--jobs J] [--manifest FILE] (see --help)
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "synth_render.h"
#include "synth_text.h"

#ifndef KZ_SOURCE_DIR
#define KZ_SOURCE_DIR "."
#endif

namespace fs = std::filesystem;

namespace {

struct Options {
  std::string out;
  size_t docs = 100;
  uint64_t seed = 1;
  int jobs = 0;
  std::string data = std::string(KZ_SOURCE_DIR) + "/bench";
  std::string missions = std::string(KZ_SOURCE_DIR) + "/corpus/missions.tsv";
  std::string dict = "/usr/share/hunspell/nl.dic";
  std::string manifest;  // default DIR/manifest.tsv
};

const char* kUsage =
    "usage: synth_corpus --out DIR --docs N [--seed S] [--jobs J] [--data DIR] [--missions FILE] [--dict FILE]\n"
    "                    [--manifest FILE]\n"
    "  Writes N Kamerstuk-like PDFs under DIR/<year>/ and a manifest (default DIR/manifest.tsv) of what each\n"
    "  holds; the same seed gives the same files whatever the number of jobs.\n";

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    if (a == "--out") o.out = value();
    else if (a == "--docs") o.docs = std::stoul(value());
    else if (a == "--seed") o.seed = std::stoull(value());
    else if (a == "--jobs") o.jobs = std::stoi(value());
    else if (a == "--data") o.data = value();
    else if (a == "--missions") o.missions = value();
    else if (a == "--dict") o.dict = value();
    else if (a == "--manifest") o.manifest = value();
    else if (a == "-h" || a == "--help") { std::cout << kUsage; std::exit(0); }
    else throw std::invalid_argument("unknown option " + a);
  }
  if (o.out.empty()) throw std::invalid_argument("--out DIR is required");
  if (o.manifest.empty()) o.manifest = o.out + "/manifest.tsv";
  if (o.jobs <= 0) o.jobs = std::max(1L, sysconf(_SC_NPROCESSORS_ONLN));
  return o;
}

const char* layout_name(synth::Layout l) {
  return l == synth::Layout::Kamerstuk ? "kamerstuk" : l == synth::Layout::Letter ? "brief" : "nota";
}

// One worker renders every jobs-th document, so the split never changes what a file holds.
int run_worker(const synth::Data& data, const std::vector<synth::DocSpec>& specs, const Options& o, int worker,
               const std::string& pages_file) {
  synth::Renderer renderer;
  std::ofstream pages(pages_file);
  for (size_t i = worker; i < specs.size(); i += o.jobs) {
    try {
      int n = renderer.render(data, specs[i], o.out + "/" + specs[i].relpath);
      pages << i << '\t' << n << '\n';
    } catch (const std::exception& e) {
      std::cerr << "synth_corpus: " << e.what() << '\n';
      return 1;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    o = parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "synth_corpus: " << e.what() << '\n' << kUsage;
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  synth::Data data;
  try {
    data = synth::load_data(o.data, o.missions, o.dict);
  } catch (const std::exception& e) {
    std::cerr << "synth_corpus: " << e.what() << '\n';
    return 1;
  }
  auto specs = synth::plan_corpus(data, o.docs, o.seed);
  std::set<std::string> dirs;
  for (auto& s : specs) dirs.insert(fs::path(s.relpath).parent_path().string());
  std::error_code ec;
  for (auto& d : dirs) fs::create_directories(fs::path(o.out) / d, ec);
  if (ec) {
    std::cerr << "synth_corpus: " << o.out << ": " << ec.message() << '\n';
    return 1;
  }

  // Fork before any fontconfig or pango state exists; each worker builds its own.
  std::vector<pid_t> kids;
  for (int w = 0; w < o.jobs; ++w) {
    pid_t pid = fork();
    if (pid < 0) { std::perror("synth_corpus: fork"); return 1; }
    if (pid == 0) _exit(run_worker(data, specs, o, w, o.out + "/.pages." + std::to_string(w)));
    kids.push_back(pid);
  }
  int failed = 0;
  for (pid_t pid : kids) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) std::cerr << "synth_corpus: worker killed by signal " << WTERMSIG(status) << '\n';
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failed;
  }

  std::vector<int> page_count(specs.size(), 0);
  for (int w = 0; w < o.jobs; ++w) {
    std::string f = o.out + "/.pages." + std::to_string(w);
    std::ifstream in(f);
    size_t i;
    int n;
    while (in >> i >> n)
      if (i < page_count.size()) page_count[i] = n;
    fs::remove(f, ec);
  }
  std::ofstream manifest(o.manifest);
  manifest << "id\tfile\tlayout\tdate\tdossier\tnr\tkenmerk\tpages\tmissions\ttitle\n";
  long total_pages = 0;
  for (auto& s : specs) {
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", s.date.y, s.date.m, s.date.d);
    std::string missions;
    for (auto* m : s.missions) missions += (missions.empty() ? "" : ",") + m->id;
    manifest << s.id << '\t' << s.relpath << '\t' << layout_name(s.layout) << '\t' << date << '\t'
             << (s.layout == synth::Layout::Kamerstuk ? s.dossier->number : "") << '\t'
             << (s.nr ? std::to_string(s.nr) : "") << '\t' << s.kenmerk << '\t' << page_count[s.index] << '\t'
             << missions << '\t' << s.title << '\n';
    total_pages += page_count[s.index];
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "synth_corpus: %zu documents, %ld pages in %.1f s with %d jobs -> %s\n", specs.size(),
               total_pages, secs, o.jobs, o.out.c_str());
  if (failed) {
    std::cerr << "synth_corpus: " << failed << " worker(s) failed\n";
    return 1;
  }
  return 0;
}
