// The Qt metatypes of decoding's values (documents/decoding.h, which stays free of Qt), for the
// queued signals that carry them. Every header whose signals or slots carry one of these includes
// this one: a metatype must be declared before any moc output that uses it is compiled, and the
// moc outputs of a target are compiled together in an order of moc's choosing.
#pragma once

#include <QMetaType>

#include <memory>

#include "documents/decoding.h"

Q_DECLARE_METATYPE(attn::ui::DecodeRequest)
Q_DECLARE_METATYPE(std::shared_ptr<const attn::Model>)
Q_DECLARE_METATYPE(std::shared_ptr<const attn::Trace>)
