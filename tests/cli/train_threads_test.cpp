// attention-cli train --threads: the batch cut in parts on their own threads. The same number of
// threads trains the same weights every time; it is recorded; a bad count is a usage error.
#include <cmath>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "models/model.h"

namespace attn::test {
namespace {

class TrainThreads : public CliTest {};

std::vector<Tensor> weights(const std::string& file) {
  std::vector<Tensor> out;
  for (const Var& p : loadModel(file).network().parameters()) out.push_back(p.value());
  return out;
}

TEST_F(TrainThreads, TwoThreadsTrainTheSameWeightsEveryRunAndAreRecorded) {
  const std::string a = trainTinyModel("a.safetensors", "--steps 30 --threads 2");
  const std::string b = trainTinyModel("b.safetensors", "--steps 30 --threads 2");
  const std::vector<Tensor> wa = weights(a), wb = weights(b);
  ASSERT_EQ(wa.size(), wb.size());
  for (size_t i = 0; i < wa.size(); ++i) EXPECT_TRUE((wa[i].arr() == wb[i].arr()).all()) << i;
  EXPECT_EQ(loadModel(a).training["threads"], 2);

  // One thread computes the same gradients up to rounding: after 30 steps the weights are
  // still close (not equal: the sums are taken in another order).
  const std::string c = trainTinyModel("c.safetensors", "--steps 30 --threads 1");
  const std::vector<Tensor> wc = weights(c);
  double diff = 0, norm = 0;
  for (size_t i = 0; i < wa.size(); ++i) {
    diff += (wa[i].arr() - wc[i].arr()).square().sum();
    norm += wc[i].arr().square().sum();
  }
  EXPECT_LT(std::sqrt(diff / norm), 1e-3);
  EXPECT_EQ(loadModel(c).training["threads"], 1);
}

TEST_F(TrainThreads, ACountOutOfRangeIsAUsageError) {
  for (const char* bad : {"0", "65", "two"}) {
    const ProgramRun run =
        runCli(std::string("train ") + kTinyTask + " " + kTinyArch + " --steps 5 --threads " + bad +
               " --out " + quoted(path("m.safetensors")));
    EXPECT_EQ(run.exitCode, 2) << bad << ": " << run.err;
    EXPECT_NE(run.err.find("--threads"), std::string::npos) << run.err;
  }
}

}  // namespace
}  // namespace attn::test
