// Writes one .aslb module per compilable definition of the conformance corpus: the seed corpus
// of fuzz_loader. Usage: make_bytecode_seeds CORPUS_DIR OUT_DIR
#include <fstream>
#include <iostream>

#include "compiler/bytecode/writer.h"
#include "tests/bytecode/corpus_modules.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_bytecode_seeds CORPUS_DIR OUT_DIR\n";
    return 2;
  }
  size_t written = 0;
  for (const auto& definition : asl::testing::corpusDefinitions(argv[1])) {
    auto program = asl::testing::compileDefinition(definition);
    if (!program.ok()) continue;
    std::ofstream(std::string(argv[2]) + "/" + definition.name + ".aslb", std::ios::binary)
        << asl::bytecode::writeProgram(*program);
    ++written;
  }
  std::cerr << "make_bytecode_seeds: " << written << " modules\n";
  return 0;
}
