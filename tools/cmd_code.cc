// `parley code [INPUT...]`: codes articles into JSON Lines on stdout (one
// line per document, docs/output.md), or a readable explanation per document
// with --explain. Works as a Unix filter (`parley code - < in > out`); see
// docs/cli.md for options and exit codes and docs/streaming.md for running
// it under GNU parallel, Hadoop Streaming and Spark.
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include <unistd.h>

#include "parley/pipeline.h"
#include "pipeline/engine_internal.h"  // EngineScratch is opaque in parley/pipeline.h
#include "pipeline/json_sink.h"
#include "pipeline/reader_source.h"
#include "pipeline/runner.h"
#include "tools/command.h"
#include "tools/exit_codes.h"

namespace parley::cli {
namespace {

struct CodeArgs {
  std::vector<std::string> inputs;
  std::vector<std::string> dictionaries;
  std::string wordnet = "/usr/share/wordnet";
  std::string rejects;
  bool sentences = false;
  bool explain = false;
  bool quiet = false;
  int threads = 0;
  uint64_t max_doc_bytes = 16ull << 20;
};

int Fail(const Status& s) {
  std::fprintf(stderr, "parley code: %s\n", s.message().c_str());
  return ExitCodeFor(s);
}

// Engine and input problems are "could not read an input or dictionary"
// (exit 3) unless they are bugs.
int FailSetup(const Status& s) {
  std::fprintf(stderr, "parley code: %s\n", s.message().c_str());
  return s.code() == StatusCode::kInternal ? kExitInternal : kExitInput;
}

// --explain: one document at a time, in order, readable text on stdout.
Status RunExplain(const Engine& engine, DocumentSource* source, FdWriter* out) {
  std::unique_ptr<EngineScratch> scratch = engine.NewScratch();
  InputItem item;
  while (true) {
    StatusOr<bool> more = source->Next(&item);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (item.rejected) {
      const Rejection& r = item.rejection;
      out->buffer()->append("=== rejected " + r.origin + ":" + std::to_string(r.line) +
                            (r.doc.empty() ? "" : " doc " + r.doc) + ": " + r.reason + "\n\n");
    } else {
      out->buffer()->append(engine.Explain(item.doc, scratch.get()));
      out->buffer()->push_back('\n');
    }
    PARLEY_RETURN_IF_ERROR(out->Flush());
  }
  return out->Flush();
}

int RunCode(const CodeArgs& args) {
  // A closed output pipe must show up as EPIPE from write(), handled as a
  // clean stop, not kill the process halfway through a line.
  std::signal(SIGPIPE, SIG_IGN);
  EngineOptions engine_options{.dictionary_dirs = args.dictionaries,
                               .wordnet_dir = args.wordnet,
                               .emit_sentences = args.sentences};
  StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(engine_options);
  if (!engine.ok()) return FailSetup(engine.status());
  if (size_t w = (*engine)->impl().dictionary_warnings; w > 0 && !args.quiet) {
    std::fprintf(stderr,
                 "parley code: %zu dictionary warnings (entries skipped); "
                 "`parley dict check DIR` lists them\n", w);
  }
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  StatusOr<std::unique_ptr<DocumentSource>> source =
      OpenInputs(inputs, InputOptions{.max_doc_bytes = args.max_doc_bytes});
  if (!source.ok()) return FailSetup(source.status());

  FdWriter out(STDOUT_FILENO, "<stdout>");
  if (args.explain) {
    Status s = RunExplain(**engine, source->get(), &out);
    return s.ok() || s.code() == StatusCode::kAborted ? kExitOk : Fail(s);
  }
  std::unique_ptr<FdWriter> rejects;
  if (!args.rejects.empty()) {
    StatusOr<std::unique_ptr<FdWriter>> r = FdWriter::Open(args.rejects);
    if (!r.ok()) return FailSetup(r.status());
    rejects = std::move(r).value();
  }
  JsonLinesSink sink(&out, std::move(rejects), {.json = {.sentences = args.sentences}});
  std::unique_ptr<DocumentProcessor> processor = NewEngineProcessor(**engine);
  RunnerOptions options{.threads = args.threads,
                        .progress = !args.quiet && ::isatty(STDERR_FILENO) == 1,
                        .max_doc_bytes = args.max_doc_bytes};
  StatusOr<RunStats> stats = RunPipeline(*processor, source->get(), &sink, options);
  if (!stats.ok()) {
    // The consumer went away (`| head`): stop quietly.
    if (stats.status().code() == StatusCode::kAborted) return kExitOk;
    return Fail(stats.status());
  }
  if (!args.quiet) std::fprintf(stderr, "parley code: %s\n", stats->Summary().c_str());
  return kExitOk;
}

void Setup(CLI::App* sub, int* exit_code) {
  auto args = std::make_shared<CodeArgs>();
  sub->add_option("inputs", args->inputs,
                  "JSON Lines files, text files or directories; '-' = stdin (default)");
  sub->add_option("--dictionaries,-d", args->dictionaries,
                  "dictionary directory; repeat to layer (later add to earlier); "
                  "default: Parley's bundled dictionaries")
      ->allow_extra_args(false);
  sub->add_flag("--sentences", args->sentences, "also emit every sentence with its byte range");
  sub->add_flag("--explain", args->explain,
                "print a readable explanation per document instead of JSON");
  sub->add_option("--rejects", args->rejects, "write rejected inputs as JSON Lines to FILE");
  sub->add_option("--threads,-j", args->threads, "worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  sub->add_option("--max-doc-bytes", args->max_doc_bytes,
                  "reject documents whose text is longer (default 16 MiB)");
  sub->add_option("--wordnet", args->wordnet, "WordNet data directory");
  sub->add_flag("--quiet,-q", args->quiet, "no progress and no summary on stderr");
  sub->callback([args, exit_code] { *exit_code = RunCode(*args); });
}

PARLEY_REGISTER_COMMAND(nullptr, "code", "code articles into events, figures and positions (JSON Lines)",
                        Setup);

}  // namespace
}  // namespace parley::cli
