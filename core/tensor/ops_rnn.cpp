// The fused recurrent scan. Forward packs the real positions of a padded batch (as PyTorch's
// packed sequences do), projects them all with one matrix product, runs the steps and keeps
// what backpropagation through time needs; backward walks the steps in reverse and ends with
// one product per weight gradient. The per-row gate arithmetic is in ops_rnn_cells.h.
#include "tensor/ops_rnn.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <numeric>

#include "tensor/ops_rnn_cells.h"
#include "tensor/side_thread.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {

using rnn_cells::cellBackward;
using rnn_cells::cellForward;
using rnn_cells::RowIn;
using rnn_cells::RowOut;

// Large scratch buffers recycled across calls. A scan's caches (N·4H values) live from forward
// to backward and are freed at once; allocations that size come from the top of the heap, which
// the allocator hands back to the OS on free, so every step page-faulted them in again: measured
// at 30-40% of a GRU training step (B 32, T 24, H 128) before this pool. Shared by all threads
// behind a mutex (a few calls per scan), bounded in bytes, and never destroyed, so a graph freed
// during static destruction cannot outlive it.
class ScratchPool {
 public:
  static ScratchPool& instance() {
    static ScratchPool* pool = new ScratchPool;  // intentionally leaked, see above
    return *pool;
  }

  // A buffer of n values, uninitialised: the smallest pooled one that fits, or a new one.
  Buffer take(size_t n) {
    Buffer b;
    if (n >= kMinPooled) {
      std::lock_guard<std::mutex> lock(mutex_);
      size_t best = free_.size();
      for (size_t i = 0; i < free_.size(); ++i)
        if (free_[i].capacity() >= n &&
            (best == free_.size() || free_[i].capacity() < free_[best].capacity()))
          best = i;
      if (best < free_.size()) {
        b = std::move(free_[best]);
        free_.erase(free_.begin() + static_cast<std::ptrdiff_t>(best));
        bytes_ -= b.capacity() * sizeof(Scalar);
      }
    }
    b.resize(n);  // within capacity when pooled; never zero-fills (DefaultInitAllocator)
    return b;
  }

  void give(Buffer&& b) {
    const size_t size = b.capacity() * sizeof(Scalar);
    if (b.capacity() < kMinPooled) return;  // small blocks are cheap for malloc
    std::lock_guard<std::mutex> lock(mutex_);
    if (bytes_ + size > kMaxBytes || free_.size() >= kMaxBuffers) return;  // b is freed
    bytes_ += size;
    free_.push_back(std::move(b));
  }

 private:
  static constexpr size_t kMinPooled = 16384;  // values; 64 KB in float32
  static constexpr size_t kMaxBytes = size_t(64) << 20;
  static constexpr size_t kMaxBuffers = 32;
  std::mutex mutex_;
  std::vector<Buffer> free_;
  size_t bytes_ = 0;
};

// A pooled buffer, returned to the pool when it goes.
class Scratch {
 public:
  Scratch() = default;
  explicit Scratch(int64_t n) : buf_(ScratchPool::instance().take(static_cast<size_t>(n))) {}
  ~Scratch() { ScratchPool::instance().give(std::move(buf_)); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  Scratch& operator=(Scratch&& o) noexcept {
    std::swap(buf_, o.buf_);
    return *this;
  }
  Scalar* data() { return buf_.data(); }
  const Scalar* data() const { return buf_.data(); }
  void setZero() { std::fill(buf_.begin(), buf_.end(), Scalar(0)); }

 private:
  Buffer buf_;
};

// out [n, R] = in [n, K] · Wᵀ for W [R, K] row-major. A single row in inference is a
// matrix-vector product bound by streaming W from cache: the two cores then each take half of
// W's rows (tensor/side_thread.h), and each keeps its half in its own L2. The split is at a
// multiple of 16 rows, so every row is computed exactly as the whole product would.
void productWt(const Scalar* in, int64_t n, int64_t K, ConstMatrixMap W, Scalar* out) {
  const int64_t R = W.rows();
  constexpr int64_t kMinSplit = 32768;  // multiply-adds; below this the hand-off costs more
  if (n == 1 && !gradEnabled() && R * K >= kMinSplit) {
    const int64_t top = (R / 2 + 15) / 16 * 16;
    const ConstMatrixMap x(in, 1, K);
    runPair([&] { MatrixMap(out, 1, top).noalias() = x * W.topRows(top).transpose(); },
            [&] {
              MatrixMap(out + top, 1, R - top).noalias() = x * W.bottomRows(R - top).transpose();
            });
    return;
  }
  MatrixMap(out, n, R).noalias() = ConstMatrixMap(in, n, K) * W.transpose();
}

// The schedule of a padded batch, as PyTorch's packed sequences have it: rows sorted by length,
// longest first, so the rows still running at step s are a prefix of n_s rows, and only those
// are computed. Per-step data is packed: sorted row i at step s is packed row offset[s] + i,
// N = Σ lengths rows in all, and padding is never read, computed or stored.
struct ScanCache {
  RnnCell cell = RnnCell::Rnn;
  int64_t batch = 0, steps = 0, input = 0, hidden = 0, gates = 0;
  bool reverse = false;
  std::vector<int64_t> lengths;  // per batch row
  std::vector<int64_t> order;    // sorted row i -> batch row
  std::vector<int64_t> active;   // n_s, s = 0..T-1 (non-increasing; n_0 = B)
  std::vector<int64_t> offset;   // s = 0..T; offset[T] = N
  // What backward needs, kept from forward. The new h and c of each step are in the output.
  Scratch xs;    // [N, I] the packed input (for dW_ih)
  Scratch hs;    // [N, H] the h each row had before step s: the h that multiplied W_hh
  Scratch cs;    // [N, H] the same for c (LSTM)
  Scratch acts;  // [N, 4H]: LSTM i, f, g, o; GRU r, z, n, W_hn h + b_hn; none for RNN

  int64_t rows() const { return offset.back(); }
  // The position batch row b reads at step s: forward s; reverse from its last real token.
  int64_t position(int64_t b, int64_t s) const {
    return reverse ? lengths[static_cast<size_t>(b)] - 1 - s : s;
  }
  // Calls f(packed row, batch row, position) for every real position, step by step.
  template <class F>
  void forEachPacked(F&& f) const {
    for (int64_t s = 0; s < steps; ++s)
      for (int64_t i = 0; i < active[static_cast<size_t>(s)]; ++i) {
        const int64_t b = order[static_cast<size_t>(i)];
        f(offset[static_cast<size_t>(s)] + i, b, position(b, s));
      }
  }
};

// Input indices of the scan's node; absent optional inputs are constant placeholders, so the
// indices never move.
enum Input { kX, kH0, kC0, kWih, kWhh, kBih, kBhh };

// Backpropagation through time, steps in reverse. dh and dc hold, per sorted row, the gradient
// reaching the state after the step being undone; rows that have not started yet (in reverse)
// hold 0 there and are left alone.
void scanBackward(const ScanCache& k, Node& self) {
  auto in = [&](Input i) -> Node& { return *self.inputs[static_cast<size_t>(i)]; };
  const bool lstm = k.cell == RnnCell::Lstm, gru = k.cell == RnnCell::Gru;
  const int64_t B = k.batch, T = k.steps, I = k.input, H = k.hidden, GH = k.gates * H;
  const int64_t S = lstm ? 2 * H : H, N = k.rows();
  const Scalar* dOut = self.grad.data();
  const Scalar* out = self.value.data();  // each step's new h (and c)
  const auto wHh = in(kWhh).value.mat();  // [G·H, H]

  // Every step's dgh (and for the GRU dgx), packed as hs, for one product per weight at the end.
  Scratch dGh(N * GH), dGxGru(gru ? N * GH : 0);
  Scalar* dGx = gru ? dGxGru.data() : dGh.data();
  Scratch dh(B * H), dc(lstm ? B * H : 0);
  dh.setZero();
  if (lstm) dc.setZero();

  for (int64_t s = T - 1; s >= 0; --s) {
    const int64_t n = k.active[static_cast<size_t>(s)], off = k.offset[static_cast<size_t>(s)];
    for (int64_t i = 0; i < n; ++i) {
      const int64_t b = k.order[static_cast<size_t>(i)], row = off + i;
      const int64_t at = (b * T + k.position(b, s)) * S;
      Scalar* dhI = dh.data() + i * H;
      Scalar* dcI = lstm ? dc.data() + i * H : nullptr;
      RowOut(dhI, H) += RowIn(dOut + at, H);
      if (lstm) RowOut(dcI, H) += RowIn(dOut + at + H, H);
      // dh_prev's direct part and dc_prev overwrite dh and dc in place.
      cellBackward(k.cell, H, k.cell != RnnCell::Rnn ? k.acts.data() + row * 4 * H : nullptr,
                   k.hs.data() + row * H, lstm ? k.cs.data() + row * H : nullptr, out + at,
                   lstm ? out + at + H : nullptr, dhI, dcI, dGh.data() + row * GH,
                   gru ? dGx + row * GH : nullptr, dhI, dcI);
    }
    // dh_prev = direct part + dgh W_hh, for the running rows in one product.
    MatrixMap(dh.data(), n, H).noalias() += ConstMatrixMap(dGh.data() + off * GH, n, GH) * wHh;
  }

  auto scatterRows = [&](Node& state, const Scratch& d) {  // sorted rows back to batch rows
    if (!state.requiresGrad) return;
    Scalar* g = state.gradRef().data();
    for (int64_t i = 0; i < B; ++i)
      RowOut(g + k.order[static_cast<size_t>(i)] * H, H) += RowIn(d.data() + i * H, H);
  };
  scatterRows(in(kH0), dh);
  if (lstm) scatterRows(in(kC0), dc);

  // Weight gradients: one [G·H, N] x [N, ·] product each over the packed rows.
  const ConstMatrixMap gH(dGh.data(), N, GH), gX(dGx, N, GH);
  if (in(kWhh).requiresGrad)
    in(kWhh).gradRef().mat().noalias() += gH.transpose() * ConstMatrixMap(k.hs.data(), N, H);
  if (in(kBhh).requiresGrad) in(kBhh).gradRef().arr() += gH.colwise().sum().transpose().array();
  if (in(kWih).requiresGrad)
    in(kWih).gradRef().mat().noalias() += gX.transpose() * ConstMatrixMap(k.xs.data(), N, I);
  if (in(kBih).requiresGrad) in(kBih).gradRef().arr() += gX.colwise().sum().transpose().array();
  if (in(kX).requiresGrad) {
    Scratch dXs(N * I);
    MatrixMap(dXs.data(), N, I).noalias() = gX * in(kWih).value.mat();
    Scalar* dX = in(kX).gradRef().data();
    k.forEachPacked([&](int64_t row, int64_t b, int64_t p) {
      RowOut(dX + (b * T + p) * I, I) += RowIn(dXs.data() + row * I, I);
    });
  }
}

}  // namespace

int64_t rnnGateCount(RnnCell cell) {
  switch (cell) {
    case RnnCell::Rnn:
      return 1;
    case RnnCell::Gru:
      return 3;
    case RnnCell::Lstm:
      return 4;
  }
  return 1;
}

const char* rnnCellName(RnnCell cell) {
  switch (cell) {
    case RnnCell::Rnn:
      return "rnn";
    case RnnCell::Gru:
      return "gru";
    case RnnCell::Lstm:
      return "lstm";
  }
  return "rnn";
}

RnnCell parseRnnCell(const std::string& name) {
  if (name == "rnn") return RnnCell::Rnn;
  if (name == "gru") return RnnCell::Gru;
  if (name == "lstm") return RnnCell::Lstm;
  throw Error("unknown recurrent cell '" + name + "' (expected rnn, gru or lstm)");
}

// x [B, T, I] or [B, I], h0 [B, H], c0 [B, H] (LSTM), wIh [G·H, I], wHh [G·H, H], bIh and bHh
// [G·H] -> [B, T, S] or [B, S], S = H or 2H (LSTM)
Var rnnScan(RnnCell cell, const Var& x, const Var& h0, const Var& c0, const Var& wIh,
            const Var& wHh, const Var& bIh, const Var& bHh, const std::vector<int64_t>& lengths,
            bool reverse) {
  const bool lstm = cell == RnnCell::Lstm;
  const int64_t G = rnnGateCount(cell);
  ATTN_CHECK(
      wHh.shape().rank() == 2 && wHh.dim(0) == G * wHh.dim(1),
      "rnnScan: W_hh " + wHh.shape().toString() + " is not [G·H, H] with G = " + std::to_string(G));
  const int64_t H = wHh.dim(1), GH = G * H;
  const Shape& xShape = x.shape();
  ATTN_CHECK(xShape.rank() == 3 || xShape.rank() == 2, "rnnScan: x must be [B, T, I] or [B, I]");
  const bool oneStep = xShape.rank() == 2;
  const int64_t B = xShape[0], T = oneStep ? 1 : xShape[1], I = xShape.cols();
  const int64_t S = lstm ? 2 * H : H;
  ATTN_CHECK(wIh.shape() == (Shape{GH, I}),
             "rnnScan: W_ih " + wIh.shape().toString() + " does not fit x " + xShape.toString());
  const Shape stateShape{B, H};
  ATTN_CHECK(h0.shape() == stateShape,
             "rnnScan: h0 " + h0.shape().toString() + " is not [B, H] = " + stateShape.toString());
  if (lstm) ATTN_CHECK(c0.defined() && c0.shape() == stateShape, "rnnScan: LSTM needs c0 [B, H]");
  ATTN_CHECK(bIh.defined() == bHh.defined(), "rnnScan: both biases or neither");
  const bool hasBias = bHh.defined();
  if (hasBias)
    ATTN_CHECK(bIh.value().numel() == GH && bHh.value().numel() == GH,
               "rnnScan: biases must have G·H values");

  auto k = std::make_shared<ScanCache>();
  k->cell = cell;
  k->batch = B;
  k->steps = T;
  k->input = I;
  k->hidden = H;
  k->gates = G;
  k->reverse = reverse;
  k->lengths = lengths.empty() ? std::vector<int64_t>(static_cast<size_t>(B), T) : lengths;
  ATTN_CHECK(static_cast<int64_t>(k->lengths.size()) == B, "rnnScan: one length per row");
  for (int64_t len : k->lengths)
    ATTN_CHECK(len >= 1 && len <= T, "rnnScan: a length is outside 1.." + std::to_string(T));
  k->order.resize(static_cast<size_t>(B));
  std::iota(k->order.begin(), k->order.end(), int64_t(0));
  std::stable_sort(k->order.begin(), k->order.end(), [&](int64_t a, int64_t b) {
    return k->lengths[static_cast<size_t>(a)] > k->lengths[static_cast<size_t>(b)];
  });
  k->active.assign(static_cast<size_t>(T), 0);
  for (int64_t len : k->lengths)
    for (int64_t s = 0; s < len; ++s) ++k->active[static_cast<size_t>(s)];
  k->offset.assign(static_cast<size_t>(T) + 1, 0);
  for (size_t s = 0; s < static_cast<size_t>(T); ++s)
    k->offset[s + 1] = k->offset[s] + k->active[s];
  const int64_t N = k->rows();

  // The input side of every real position at once: [N, I] x [I, G·H] + b_ih.
  k->xs = Scratch(N * I);
  const Scalar* xv = x.value().data();
  k->forEachPacked([&](int64_t row, int64_t b, int64_t p) {
    std::memcpy(k->xs.data() + row * I, xv + (b * T + p) * I, sizeof(Scalar) * size_t(I));
  });
  Scratch gx(N * GH);
  MatrixMap gxm(gx.data(), N, GH);
  productWt(k->xs.data(), N, I, wIh.value().mat(), gx.data());
  if (hasBias) gxm.rowwise() += bIh.value().arr().matrix().transpose();

  k->hs = Scratch(N * H);
  if (lstm) k->cs = Scratch(N * H);
  if (cell != RnnCell::Rnn) k->acts = Scratch(N * 4 * H);
  const size_t rowBytes = sizeof(Scalar) * static_cast<size_t>(H);
  for (int64_t i = 0; i < B; ++i) {  // step 0 starts from the initial state, in sorted order
    const int64_t b = k->order[static_cast<size_t>(i)];
    std::memcpy(k->hs.data() + i * H, h0.value().data() + b * H, rowBytes);
    if (lstm) std::memcpy(k->cs.data() + i * H, c0.value().data() + b * H, rowBytes);
  }

  Tensor out = Tensor::zeros(oneStep ? Shape{B, S} : Shape{B, T, S});  // padding stays 0
  Scratch gh(B * GH), lastH(H), lastC(H);
  const auto w = wHh.value().mat();
  for (int64_t s = 0; s < T; ++s) {
    const int64_t n = k->active[static_cast<size_t>(s)], off = k->offset[static_cast<size_t>(s)];
    const int64_t nNext = s + 1 < T ? k->active[static_cast<size_t>(s) + 1] : 0;
    // The only per-step product: h W_hhᵀ + b_hh for the rows still running.
    MatrixMap ghs(gh.data(), n, GH);
    productWt(k->hs.data() + off * H, n, H, w, gh.data());
    if (hasBias) ghs.rowwise() += bHh.value().arr().matrix().transpose();
    for (int64_t i = 0; i < n; ++i) {
      const int64_t b = k->order[static_cast<size_t>(i)], p = k->position(b, s);
      const int64_t row = off + i, next = off + n + i;  // next: this row at step s + 1
      // The new state goes where step s + 1 reads it, or to a spare row if this one ends here.
      Scalar* hNew = i < nNext ? k->hs.data() + next * H : lastH.data();
      Scalar* cNew = lstm ? (i < nNext ? k->cs.data() + next * H : lastC.data()) : nullptr;
      cellForward(cell, H, gx.data() + row * GH, gh.data() + i * GH, k->hs.data() + row * H,
                  lstm ? k->cs.data() + row * H : nullptr, hNew, cNew,
                  cell != RnnCell::Rnn ? k->acts.data() + row * 4 * H : nullptr);
      Scalar* o = out.data() + (b * T + p) * S;
      std::memcpy(o, hNew, rowBytes);
      if (lstm) std::memcpy(o + H, cNew, rowBytes);
    }
  }

  const Var none(Tensor(), false);  // placeholder for an absent optional input
  const std::vector<Var> inputs{
      x, h0, lstm ? c0 : none, wIh, wHh, hasBias ? bIh : none, hasBias ? bHh : none};
  return makeResult(std::move(out), inputs, [k](Node& self) { scanBackward(*k, self); });
}

}  // namespace attn::inline ATTN_PRECISION
