#include "teach/bottleneck_runner.h"

#include <chrono>

namespace attn::ui {

using experiment::BottleneckProgress;
using experiment::BottleneckResult;
using experiment::BottleneckSettings;

namespace {
// The progress bar and the labels cannot be read faster; more signals would only fill the
// event queue while both models train.
constexpr auto kTick = std::chrono::milliseconds(50);
}  // namespace

void BottleneckWorker::run(BottleneckSettings settings) {
  auto lastEmit = std::chrono::steady_clock::time_point{};
  BottleneckProgress last;
  try {
    auto result = std::make_shared<BottleneckResult>(
        experiment::runBottleneck(settings, [&](const BottleneckProgress& p) {
          // Stage changes always get through, so the labels never miss one.
          const bool stageChanged = p.stage != last.stage || p.preparingData != last.preparingData;
          const auto now = std::chrono::steady_clock::now();
          if (stageChanged || now - lastEmit >= kTick) {
            lastEmit = now;
            last = p;
            emit progressed(p);
          }
          return !mCancel;
        }));
    if (result->cancelled || mCancel)
      emit cancelled();
    else
      emit finished(std::move(result));
  } catch (const std::exception& e) {
    if (mCancel) {
      emit cancelled();
      return;
    }
    emit failed(errorFrom(e, tr("Bottleneck experiment"),
                          tr("Check the settings, then run the experiment again.")));
  }
}

BottleneckRunner::BottleneckRunner(QObject* parent)
    : QObject(parent), mWorker(new BottleneckWorker) {
  qRegisterMetaType<BottleneckSettings>();
  qRegisterMetaType<BottleneckProgress>();
  qRegisterMetaType<std::shared_ptr<const BottleneckResult>>();
  qRegisterMetaType<UserError>();
  mThread.setObjectName(QStringLiteral("bottleneck"));
  mWorker->moveToThread(&mThread);
  connect(&mThread, &QThread::finished, mWorker, &QObject::deleteLater);
  connect(this, &BottleneckRunner::requested, mWorker, &BottleneckWorker::run);
  connect(mWorker, &BottleneckWorker::progressed, this, &BottleneckRunner::progressed);
  connect(mWorker, &BottleneckWorker::finished, this,
          [this](std::shared_ptr<const BottleneckResult> result) {
            setRunning(false);
            emit finished(std::move(result));
          });
  connect(mWorker, &BottleneckWorker::cancelled, this, [this] {
    setRunning(false);
    emit cancelled();
  });
  connect(mWorker, &BottleneckWorker::failed, this, [this](const UserError& error) {
    setRunning(false);
    emit failed(error);
  });
  mThread.start();
}

BottleneckRunner::~BottleneckRunner() {
  mWorker->requestCancel();
  mThread.quit();
  mThread.wait();
}

bool BottleneckRunner::start(const BottleneckSettings& settings) {
  if (mRunning) return false;
  mWorker->prepare();  // here, not in run(): a cancel clicked before run() starts must hold
  setRunning(true);
  emit requested(settings);
  return true;
}

void BottleneckRunner::cancel() {
  if (mRunning) mWorker->requestCancel();
}

void BottleneckRunner::setRunning(bool running) {
  if (mRunning == running) return;
  mRunning = running;
  emit runningChanged(running);
}

}  // namespace attn::ui
