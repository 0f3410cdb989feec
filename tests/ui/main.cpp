// test_ui's entry point: GoogleTest inside a QApplication, on the offscreen platform by default.
#include <gtest/gtest.h>

#include <QApplication>

int main(int argc, char** argv) {
  // gtest_discover_tests runs this binary without the tests' environment after every build; with
  // no display QApplication would abort and fail the build (docs/toolchain.md, Tests without a
  // display).
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  ::testing::InitGoogleTest(&argc, argv);
  QApplication app(argc, argv);
  return RUN_ALL_TESTS();
}
