// The worker side of extraction: reads requests, builds documents, replies. Runs with an
// address-space limit so a runaway PDF fails with "out of memory" instead of hurting the host.
#include "indexer/extract/extract_worker.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <new>
#include <string>
#include <thread>

#include "indexer/extract/document_builder.h"
#include "indexer/pdf/pdf_text.h"
#include "indexer/protocol/worker_frames.h"

namespace kz {
namespace {

void limit_memory() {
  if (!kWorkerMemoryLimited) return;
  const char* mb = std::getenv(std::string(kWorkerMemoryEnv).c_str());
  long limit = mb ? std::atol(mb) : 0;
  if (limit <= 0) return;
  rlimit rl;
  rl.rlim_cur = rl.rlim_max = static_cast<rlim_t>(limit) * 1024 * 1024;
  setrlimit(RLIMIT_AS, &rl);
}

// Fault injection for the isolation tests: make extraction of matching files crash or hang,
// exactly as a PDF library bug would.
void test_faults(const std::string& path) {
  if (const char* crash = std::getenv("KAMERZOEK_TEST_CRASH_ON"); crash && *crash && path.find(crash) != std::string::npos)
    std::raise(SIGSEGV);
  if (const char* hang = std::getenv("KAMERZOEK_TEST_HANG_ON"); hang && *hang && path.find(hang) != std::string::npos)
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
}

std::string handle(const std::string& request, const MissionTable& missions) {
  auto nl = request.find('\n');
  if (nl == std::string::npos) return "Eprotocol error";
  std::string sha = request.substr(0, nl), path = request.substr(nl + 1);
  try {
    test_faults(path);
    BuiltDocument built = build_document(path, sha, missions);
    std::string reply = "D";
    reply += built.id;
    reply.push_back('\0');
    reply += built.doc.serialise();
    return reply;
  } catch (const PdfError& e) {
    return std::string("E") + e.what();
  } catch (const std::bad_alloc&) {
    return "Eout of memory while reading the PDF (worker memory limit reached)";
  } catch (const std::exception& e) {
    return std::string("Ecannot index: ") + e.what();
  }
}

}  // namespace

int run_extract_worker() {
  std::signal(SIGINT, SIG_IGN);  // the indexer decides when to stop, and stops us itself
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() == 1) return 1;
  // Started by hand, without the indexer's pipes: nothing to serve.
  if (fcntl(frames::kRequestFd, F_GETFD) < 0 || fcntl(frames::kReplyFd, F_GETFD) < 0) return 1;
  limit_memory();
  MissionTable missions;
  try {
    missions = MissionTable::load_default();
  } catch (const std::exception& e) {
    frames::write_frame(frames::kReplyFd, std::string("F") + e.what());
    return 1;
  }
  std::string request;
  while (frames::read_frame(frames::kRequestFd, request)) {
    std::string reply = handle(request, missions);
    if (reply.size() > frames::kMaxFrame) reply = "Ethe document is too large to pass to the indexer";
    if (!frames::write_frame(frames::kReplyFd, reply)) break;
  }
  return 0;
}

}  // namespace kz
