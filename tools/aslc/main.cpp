// aslc: validate, compile and run Amazon States Language state machines.
#include <iostream>

#include "tools/aslc/commands.h"
#include "tools/common/queue_cli.h"
#include "tools/common/task_cli.h"

#ifndef ASL_VERSION
#define ASL_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace asl::tools;
  CLI::App app{"aslc: validator, compiler and runtime for the Amazon States Language"};
  app.set_version_flag("--version", std::string("aslc ") + ASL_VERSION);
  app.require_subcommand(1);
  CommandAction validate = addValidateCommand(app);
  CommandAction compile = addCompileCommand(app);
  CommandAction run = addRunCommand(app);
  CommandAction evalJsonata = addEvalCommand(app);
  CommandAction queue = addQueueCommand(app);
  CommandAction task = addTaskCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (app.got_subcommand("validate")) return validate();
  if (app.got_subcommand("compile")) return compile();
  if (app.got_subcommand("run")) return run();
  if (app.got_subcommand("eval")) return evalJsonata();
  if (app.got_subcommand("queue")) return queue();
  if (app.got_subcommand("task")) return task();
  return kExitUsage;
}
