#include "views/model_summary.h"

#include <algorithm>
#include <string>
#include <vector>

#include <QCoreApplication>
#include <QStringList>

#include "models/model.h"
#include "views/task_inputs.h"

namespace attn::ui {
namespace {

QString tr(const char* text) {
  return QCoreApplication::translate("attn::ui::ModelSummary", text);
}

QString str(const nlohmann::json& config, const char* key, const char* fallback = "") {
  auto it = config.find(key);
  if (it == config.end()) return QString::fromLatin1(fallback);
  if (it->is_string()) return QString::fromStdString(it->get<std::string>());
  return QString::fromStdString(it->dump());
}

}  // namespace

QString configKeyLabel(const std::string& key) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"cell", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "recurrent cell")},
      {"embed_dim", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "embedding size E")},
      {"hidden_dim", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "hidden size H")},
      {"num_layers", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "RNN layers L")},
      {"bidirectional", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "bidirectional encoder")},
      {"attention", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "attention")},
      {"score", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "score function")},
      {"attention_dim", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "attention size")},
      {"input_feeding", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "input feeding")},
      {"d_model", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "model width d")},
      {"nhead", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "heads")},
      {"num_encoder_layers", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "encoder layers")},
      {"num_decoder_layers", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "decoder layers")},
      {"dim_feedforward", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "feed-forward size")},
      {"norm_first", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "layer norm first")},
      {"hops", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "hops r")},
      {"mlp_dim", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "classifier MLP size")},
      {"num_classes", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "classes")},
      {"penalty", QT_TRANSLATE_NOOP("attn::ui::ModelSummary", "penalty coefficient")},
  };
  for (const auto& [k, label] : kLabels)
    if (key == k) return tr(label);
  return QString::fromStdString(key);
}

namespace {

QString valueText(const nlohmann::json& v) {
  if (v.is_string()) return QString::fromStdString(v.get<std::string>()).toHtmlEscaped();
  if (v.is_boolean()) return v.get<bool>() ? tr("yes") : tr("no");
  if (v.is_number_float()) return QString::number(v.get<double>(), 'g', 4);
  if (v.is_number_integer()) return groupedNumber(v.get<long long>());
  return QString::fromStdString(v.dump()).toHtmlEscaped();
}

// Keys that the architecture ignores (the score of a model without attention) would mislead.
bool keyApplies(const nlohmann::json& config, const std::string& key) {
  if (key == "arch") return false;
  const QString attention = str(config, "attention", "none");
  if ((key == "score" || key == "attention_dim" || key == "input_feeding") &&
      attention == QLatin1String("none") && config.value("arch", "") == "rnn_seq2seq")
    return false;
  if (key == "attention_dim" && config.value("arch", "") == "rnn_seq2seq" &&
      str(config, "score") != QLatin1String("additive"))
    return false;
  if (key == "input_feeding" && attention != QLatin1String("luong")) return false;
  return true;
}

QString row(const QString& label, const QString& value) {
  return QStringLiteral("<tr><td style='color:#606060;padding-right:8px'>%1</td><td>%2</td></tr>")
      .arg(label.toHtmlEscaped(), value);
}

QString vocabularyPreview(const std::vector<std::string>& tokens, size_t skip) {
  QStringList shown;
  for (size_t i = skip; i < tokens.size() && shown.size() < 8; ++i)
    shown << QString::fromStdString(tokens[i]).toHtmlEscaped();
  QString text = shown.join(QStringLiteral(" · "));
  if (tokens.size() > skip + 8) text += QStringLiteral(" …");
  return text;
}

}  // namespace

QString groupedNumber(long long n) {
  QString digits = QString::number(n < 0 ? -n : n);
  for (int i = int(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, QChar(0x2009));
  return n < 0 ? QStringLiteral("-") + digits : digits;
}

QString architectureLine(const Model& model) {
  const nlohmann::json& c = model.config;
  switch (model.arch) {
    case Arch::RnnSeq2Seq: {
      QString line =
          tr("RNN encoder–decoder") + QStringLiteral(" · ") + str(c, "cell", "gru").toUpper();
      const QString attention = str(c, "attention", "none");
      if (attention == QLatin1String("none")) {
        line += tr(" · no attention (the bottleneck)");
      } else {
        line += QStringLiteral(" · ") +
                (attention == QLatin1String("bahdanau") ? tr("Bahdanau attention")
                                                        : tr("Luong attention")) +
                QStringLiteral(" (") + str(c, "score") + tr(" score)");
      }
      return line;
    }
    case Arch::Transformer:
      return tr("Transformer encoder–decoder · %1 heads").arg(str(c, "nhead", "?"));
    case Arch::StructuredSelfAttention:
      return tr("Structured self-attention classifier (Lin et al. 2017) · %1 hops")
          .arg(str(c, "hops", "?"));
  }
  return {};
}

QString modelSummaryHtml(const Model& model, const QString& name) {
  // File names like seq2seq_gru_bidir_bahdanau.safetensors have no space to wrap at.
  QString breakable = name.toHtmlEscaped();
  breakable.replace(QLatin1Char('_'), QStringLiteral("_&#8203;"));
  breakable.replace(QLatin1Char('.'), QStringLiteral(".&#8203;"));
  QString html = QStringLiteral("<b>%1</b><br>%2<table style='margin-top:4px'>")
                     .arg(breakable, architectureLine(model).toHtmlEscaped());
  for (const auto& [key, value] : model.config.items()) {
    if (!keyApplies(model.config, key)) continue;
    html += row(configKeyLabel(key), valueText(value));
  }
  html += row(tr("parameters"), groupedNumber(model.network().parameterCount()));
  const QString tokenizer =
      model.tokenizer == data::TokenizerKind::Char ? tr("characters") : tr("words");
  html += row(tr("source vocabulary"),
              tr("%1 %2").arg(groupedNumber(model.srcVocab.size()), tokenizer) +
                  QStringLiteral("<br><small>") + vocabularyPreview(model.srcVocab.toList(), 4) +
                  QStringLiteral("</small>"));
  if (model.isClassifier()) {
    html += row(tr("classes"), vocabularyPreview(model.classes.toList(), 0));
  } else {
    html += row(tr("target vocabulary"),
                tr("%1 %2").arg(groupedNumber(model.tgtVocab.size()), tokenizer) +
                    QStringLiteral("<br><small>") + vocabularyPreview(model.tgtVocab.toList(), 4) +
                    QStringLiteral("</small>"));
  }
  // The inputs it learnt from, with examples: a sentence unlike them is outside what it knows.
  if (model.training.is_object() && model.training.contains("task") &&
      model.training.at("task").is_string()) {
    const std::string task = model.training.at("task").get<std::string>();
    const QString inputs = taskInputsText(task);
    QStringList examples = taskExamples(task, 3);
    for (QString& e : examples) e = e.toHtmlEscaped();
    if (!inputs.isEmpty())
      html += row(
          tr("trained to read"),
          inputs.toHtmlEscaped() +
              (examples.isEmpty()
                   ? QString()
                   : QStringLiteral("<br><small>") + tr("for example:") + QStringLiteral("<br>") +
                         examples.join(QStringLiteral("<br>")) + QStringLiteral("</small>")));
  }
  if (model.training.is_object() && !model.training.empty()) {
    QStringList parts;
    // What was learned first (task, how long, how well), then how (optimizer and settings),
    // then when and by what; keys this list does not know come last (JSON keeps them sorted).
    static const std::vector<std::string> kOrder = {
        "task",    "task_config", "data",    "steps",     "total_steps", "epochs",
        "stopped", "validation",  "test",    "optimizer", "lr",          "batch_size",
        "clip",    "threads",     "shuffle", "seed",      "date",        "tool"};
    std::vector<std::pair<std::string, nlohmann::json>> ordered;
    for (const std::string& key : kOrder)
      if (model.training.contains(key)) ordered.emplace_back(key, model.training.at(key));
    for (const auto& [key, value] : model.training.items())
      if (std::find(kOrder.begin(), kOrder.end(), key) == kOrder.end())
        ordered.emplace_back(key, value);
    for (const auto& [key, value] : ordered) {
      if (value.is_object() || value.is_array()) {
        QStringList inner;
        if (value.is_object())
          for (const auto& [k, v] : value.items())
            if (!v.is_structured())
              inner << QString::fromStdString(k) + QStringLiteral(" ") + valueText(v);
        if (!inner.isEmpty())
          parts << QString::fromStdString(key).toHtmlEscaped() + QStringLiteral(": ") +
                       inner.join(QStringLiteral(", "));
        continue;
      }
      parts << QString::fromStdString(key).toHtmlEscaped() + QStringLiteral(": ") +
                   valueText(value);
    }
    html += row(tr("trained on"), parts.join(QStringLiteral("<br>")));
  } else {
    html += row(tr("trained on"),
                tr("not recorded in the file (a model made elsewhere, e.g. in PyTorch)"));
  }
  html += QStringLiteral("</table>");
  return html;
}

}  // namespace attn::ui
