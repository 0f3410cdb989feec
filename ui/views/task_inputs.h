// What a model built on one of the app's tasks was trained to read, in words a student can
// check a sentence against: the kind of input, then a few examples drawn from the task itself.
// A sentence unlike these (another language, another way of writing a date) is outside what
// the model learnt, and its output is not to be trusted.
#pragma once

#include <QString>

#include <string>

namespace attn::ui {

// One line on the task's inputs, translated; empty for a task the app does not know.
QString taskInputsText(const std::string& task);
// `count` examples "source → target" drawn from the task's generator (a fixed seed, so the
// summary reads the same every time); empty for an unknown task.
QStringList taskExamples(const std::string& task, int count);

}  // namespace attn::ui
