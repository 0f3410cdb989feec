// What a model is, in words a student can read: architecture, sizes, parameter count,
// vocabularies and what it was trained on.
#pragma once

#include <QString>

#include <string>

#include "models/model_fwd.h"

namespace attn::ui {

// "RNN encoder–decoder · GRU · Bahdanau attention (additive score)"
QString architectureLine(const Model& model);
// A short HTML table: every config key with a readable name, the sizes, the provenance.
QString modelSummaryHtml(const Model& model, const QString& name);
// A config key in words, translated: "embed_dim" -> "embedding size E"; an unknown key as it is.
QString configKeyLabel(const std::string& key);
// 1234567 -> "1 234 567" (thin spaces: readable in every language the course is taught in).
QString groupedNumber(long long n);

}  // namespace attn::ui
