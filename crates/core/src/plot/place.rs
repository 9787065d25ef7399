//! Where words go on a chart: a small greedy placer over candidate positions. Each label is tried
//! at a list of boxes (its candidates, best first, each with a cost); the first box of least cost
//! that stays inside the bounds, keeps a gap from every box already taken or blocked and is not
//! crossed by a leader line is chosen and taken, so later labels keep clear of it. Boxes to avoid
//! only where possible (data markers) add to a candidate's cost. Where no candidate is free, a
//! shorter form of the label is tried, and then none: a label is dropped rather than overlap.
//!
//! Pure geometry in backend pixels: the chart measures its texts and draws what this returns, so
//! the same placement serves for drawing and for checking.

use crate::text::num::{nonneg_usize, sat_i32, sat_u32, to_i32};
/// A box in pixels: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

/// A line from one pixel to another.
pub type Segment = ((i32, i32), (i32, i32));

impl Rect {
    pub fn new(x: i32, y: i32, w: i32, h: i32) -> Rect {
        Rect { x, y, w, h }
    }

    /// The square of half-side `r` around `p`.
    pub fn around((x, y): (i32, i32), r: i32) -> Rect {
        Rect { x: x - r, y: y - r, w: 2 * r, h: 2 * r }
    }

    pub fn right(&self) -> i32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> i32 {
        self.y + self.h
    }

    /// Whether the two boxes share any pixel (touching edges do not).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    /// Whether this box lies wholly within `o`.
    pub fn inside(&self, o: &Rect) -> bool {
        self.x >= o.x && self.y >= o.y && self.right() <= o.right() && self.bottom() <= o.bottom()
    }

    /// Whether the pixel `p` lies in this box (its right and bottom edges excluded).
    pub fn contains(&self, (x, y): (i32, i32)) -> bool {
        x >= self.x && x < self.right() && y >= self.y && y < self.bottom()
    }

    /// This box grown by `by` on every side (shrunk where negative).
    pub fn grow(&self, by: i32) -> Rect {
        Rect { x: self.x - by, y: self.y - by, w: self.w + 2 * by, h: self.h + 2 * by }
    }

    /// The point of this box nearest to `p`.
    pub fn nearest(&self, (x, y): (i32, i32)) -> (i32, i32) {
        (x.clamp(self.x, self.right()), y.clamp(self.y, self.bottom()))
    }

    /// Whether the segment from `a` to `b` passes through this box (Liang–Barsky clipping).
    pub(crate) fn crossed_by(&self, (a, b): Segment) -> bool {
        let (x0, y0) = (f64::from(a.0), f64::from(a.1));
        let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        let edges = [
            (-dx, x0 - f64::from(self.x)),
            (dx, f64::from(self.right()) - x0),
            (-dy, y0 - f64::from(self.y)),
            (dy, f64::from(self.bottom()) - y0),
        ];
        for (p, q) in edges {
            if p == 0.0 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 >= t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// A place a label may go: its text's box, the leader line drawn to it from its point (where it
/// sits away from it), and what it costs (lower is better). A label's candidates come in order
/// of cost, cheapest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub at: Rect,
    pub leader: Option<Segment>,
    pub cost: i32,
}

/// A label where it was placed: the text (perhaps shortened), its box and its leader line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub text: String,
    pub at: Rect,
    pub leader: Option<Segment>,
}

/// How much covering one box to avoid (a data marker) costs, against 2 per ring away from the
/// point: a label moves one ring out rather than cover a marker.
const SOFT_COST: i32 = 3;

/// The boxes taken so far and the rules for the next.
#[derive(Clone, Debug, PartialEq)]
pub struct Placer {
    bounds: Rect,
    gap: i32,
    /// Boxes no label may cover, each with whether a leader line may cross it (a line or a point
    /// may be crossed, a word or the legend not).
    taken: Vec<(Rect, bool)>,
    leaders: Vec<Segment>,
    soft: Vec<Rect>,
    /// The boxes to avoid by cell of [`CELL`] pixels over the bounds (row by row), each listed in
    /// every cell it touches: a label counts the few near it, not thousands of points.
    cells: Vec<Vec<u32>>,
    columns: i32,
}

/// The side of a cell of [`Placer::cells`], in pixels.
const CELL: i32 = 32;

impl Placer {
    /// Labels go inside `bounds`, `gap` pixels from its edges and from every taken box.
    pub fn new(bounds: Rect, gap: i32) -> Placer {
        let columns = bounds.w.max(0) / CELL + 1;
        let rows = bounds.h.max(0) / CELL + 1;
        let cells = vec![Vec::new(); nonneg_usize(columns * rows)];
        Placer { bounds, gap, taken: Vec::new(), leaders: Vec::new(), soft: Vec::new(), cells, columns }
    }

    /// The cells `r` touches, as column and row ranges (clamped to the bounds).
    fn span(&self, r: &Rect) -> (std::ops::RangeInclusive<i32>, std::ops::RangeInclusive<i32>) {
        let rows = sat_i32(self.cells.len()) / self.columns;
        let col = |x: i32| ((x - self.bounds.x) / CELL).clamp(0, self.columns - 1);
        let row = |y: i32| ((y - self.bounds.y) / CELL).clamp(0, rows - 1);
        (col(r.x)..=col(r.right()), row(r.y)..=row(r.bottom()))
    }

    pub fn gap(&self) -> i32 {
        self.gap
    }

    /// No label and no leader line may cover `r` (the legend, a word drawn already).
    pub fn block(&mut self, r: Rect) {
        self.taken.push((r, false));
    }

    /// No label may cover `r`, but a leader line may cross it (a threshold line, a drawn point).
    pub(crate) fn block_crossable(&mut self, r: Rect) {
        self.taken.push((r, true));
    }

    /// Labels avoid covering `r` where they can (a data marker).
    pub fn avoid(&mut self, r: Rect) {
        let (cols, rows) = self.span(&r);
        for row in rows {
            for col in cols.clone() {
                self.cells[nonneg_usize(row * self.columns + col)].push(sat_u32(self.soft.len()));
            }
        }
        self.soft.push(r);
    }

    /// Whether a text at `at`, with its leader, would keep clear of everything taken but `over`;
    /// where `loose`, its leader may cross words.
    pub fn free(&self, at: &Rect, leader: Option<Segment>, over: Option<&Rect>, loose: bool) -> bool {
        let room = at.grow(self.gap);
        let taken = self.taken.iter().filter(|(t, _)| Some(t) != over);
        room.inside(&self.bounds)
            && !taken.clone().any(|(t, _)| t.overlaps(&room))
            && !self.leaders.iter().any(|l| room.crossed_by(*l))
            // A leader leaves its own point (a box taken where it starts) and crosses no word.
            && (loose
                || leader.is_none_or(|l| {
                    !taken.clone().any(|(t, crossable)| !crossable && t.crossed_by(l) && !t.contains(l.0))
                }))
    }

    /// How many boxes to avoid `at` covers, counted no further than past `enough` (a candidate
    /// covering more than that cannot win, and 100,000 imported points crowd a cell).
    fn covered(&self, at: &Rect, enough: i32) -> i32 {
        let (cols, rows) = self.span(at);
        let (first_col, first_row) = (*cols.start(), *rows.start());
        let mut n = 0;
        for row in rows {
            for col in cols.clone() {
                for &i in &self.cells[nonneg_usize(row * self.columns + col)] {
                    let s = &self.soft[i as usize];
                    // Counted once: in the first cell both boxes touch.
                    let (c, r) = self.span(s);
                    if s.overlaps(at) && (*c.start()).max(first_col) == col && (*r.start()).max(first_row) == row {
                        n += 1;
                        if n > enough {
                            return n;
                        }
                    }
                }
            }
        }
        n
    }

    /// Places the first of `variants` (text and size, longest first) that has a free candidate
    /// (from `candidates`, given the size), at its candidate of least cost, and takes its box.
    /// `None` where no variant fits anywhere: the label is dropped.
    pub fn place(
        &mut self,
        variants: &[(String, (i32, i32))],
        candidates: impl Fn((i32, i32)) -> Vec<Candidate>,
    ) -> Option<Placed> {
        self.place_over(variants, candidates, None)
    }

    /// As [`Placer::place`], for a label that may cover the taken box `over` (the line it names,
    /// which the drawing then interrupts).
    pub fn place_over(
        &mut self,
        variants: &[(String, (i32, i32))],
        candidates: impl Fn((i32, i32)) -> Vec<Candidate>,
        over: Option<&Rect>,
    ) -> Option<Placed> {
        self.first_free(variants, &candidates, over, false)
    }

    /// As [`Placer::place`], for a label that must be shown: where no variant has a free place,
    /// its leader line may cross words (it still covers none).
    pub(crate) fn place_surely(
        &mut self,
        variants: &[(String, (i32, i32))],
        candidates: impl Fn((i32, i32)) -> Vec<Candidate>,
    ) -> Option<Placed> {
        self.first_free(variants, &candidates, None, false)
            .or_else(|| self.first_free(variants, &candidates, None, true))
    }

    fn first_free(
        &mut self,
        variants: &[(String, (i32, i32))],
        candidates: &impl Fn((i32, i32)) -> Vec<Candidate>,
        over: Option<&Rect>,
        loose: bool,
    ) -> Option<Placed> {
        for (text, size) in variants {
            // Candidates come in order of cost: stop once none left can beat the best found.
            let mut best: Option<(i32, Candidate)> = None;
            for c in candidates(*size) {
                if best.is_some_and(|(cost, _)| c.cost >= cost) {
                    break;
                }
                if self.free(&c.at, c.leader, over, loose) {
                    // Beating the best means covering fewer than this many boxes to avoid.
                    let enough = best.map_or(i32::MAX, |(b, _)| (b - c.cost - 1) / SOFT_COST);
                    let cost = c.cost + SOFT_COST * self.covered(&c.at, enough);
                    if best.is_none_or(|(b, _)| cost < b) {
                        best = Some((cost, c));
                    }
                }
            }
            if let Some((_, c)) = best {
                self.taken.push((c.at, false));
                self.leaders.extend(c.leader);
                return Some(Placed { text: text.clone(), at: c.at, leader: c.leader });
            }
        }
        None
    }
}

/// The directions around a point, in order of preference: right and above first (labels read
/// from their point), then left, then below, then straight above and below (centred, then
/// starting at the point, then ending at it). A direction is (horizontal, vertical): -1 left or
/// above, 1 right or below, 0 centred; 2 starts at the point and -2 ends at it.
const DIRECTIONS: [(i32, i32); 12] =
    [(1, -1), (1, 0), (-1, -1), (-1, 0), (1, 1), (-1, 1), (0, -1), (0, 1), (2, -1), (-2, -1), (2, 1), (-2, 1)];

/// Candidates for a `size` box labelling the point `p`, drawn `clear` pixels wide each side: in
/// each of `DIRECTIONS` next to it; then on `rings` square rings further out, ring `k` at `k`
/// half-steps of `step` pixels above or below and `k` double steps sideways (labels are wide),
/// every place on the ring, with a leader line from the point's edge. Each ring out costs 2.
/// A box centred above or below the point slides sideways to stay `within` (the bounds, less
/// the gap), so long as it stays over the point.
pub fn around(p: (i32, i32), clear: i32, (w, h): (i32, i32), step: i32, rings: i32, within: &Rect) -> Vec<Candidate> {
    let centred = |x: i32| {
        let slid = x.min(within.right() - w).max(within.x);
        if slid <= p.0 && p.0 <= slid + w {
            slid
        } else {
            x
        }
    };
    let mut out = Vec::new();
    for (dx, dy) in DIRECTIONS {
        let x = match dx {
            1 => p.0 + clear,
            -1 => p.0 - clear - w,
            2 => p.0 - clear,
            -2 => p.0 + clear - w,
            _ => centred(p.0 - w / 2),
        };
        let y = match dy {
            1 => p.1 + clear,
            -1 => p.1 - clear - h,
            _ => p.1 - h / 2,
        };
        out.push(Candidate { at: Rect::new(x, y, w, h), leader: None, cost: 0 });
    }
    for ring in 1..=rings {
        // Every place on the ring: above before below, right before left, the sides' middles first.
        let mut places: Vec<(i32, i32)> = (-ring..=ring)
            .flat_map(|i| (-ring..=ring).map(move |j| (i, j)))
            .filter(|(i, j)| i.abs() == ring || j.abs() == ring)
            .collect();
        places.sort_by_key(|&(i, j)| (j > 0, i < 0, i.abs().min(j.abs())));
        for (i, j) in places {
            let x = match i.signum() {
                1 => p.0 + clear + i * step * 2,
                -1 => p.0 - clear + i * step * 2 - w,
                _ => centred(p.0 - w / 2),
            };
            let y = match j.signum() {
                1 => p.1 + clear + j * step / 2,
                -1 => p.1 - clear + j * step / 2 - h,
                _ => p.1 - h / 2,
            };
            let at = Rect::new(x, y, w, h);
            out.push(Candidate { at, leader: Some(leader(p, clear, &at)), cost: 2 * ring });
        }
    }
    out
}

/// A leader line from the edge of the point `p` (of half-width `clear`) to the box `to`.
fn leader(p: (i32, i32), clear: i32, to: &Rect) -> Segment {
    let end = to.nearest(p);
    let (dx, dy) = (f64::from(end.0 - p.0), f64::from(end.1 - p.1));
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let k = (f64::from(clear) / len).min(1.0);
    let start = (p.0 + to_i32((dx * k).round()), p.1 + to_i32((dy * k).round()));
    (start, end)
}

/// Candidates for a `size` box naming the horizontal line `line` (its box): above it, then below
/// it, then on it (the line interrupted), at `n` places from its left end to its right (the
/// newest and largest models, and most estimates, are on the right), `gap` pixels from it.
pub fn along(line: &Rect, (w, h): (i32, i32), gap: i32, n: i32) -> Vec<Candidate> {
    let (left, right) = (line.x + gap, line.right() - gap - w);
    let n = n.max(2);
    let mut out = Vec::new();
    for (cost, y) in [(0, line.y - gap - h), (1, line.bottom() + gap), (2, line.y + line.h / 2 - h / 2)] {
        for i in 0..n {
            let x = left + (right - left) * i / (n - 1);
            out.push(Candidate { at: Rect::new(x, y, w, h), leader: None, cost });
        }
    }
    out
}

/// A label and its shorter forms, longest first, none under `min` characters before its
/// ellipsis: a parenthesis dropped ("GPT-3 175B (davinci)" → "GPT-3 175B"), then whole words
/// cut from the end ("my frontier model" → "my frontier…"), then characters (for names without
/// spaces, Chinese ones among them: a name of six characters cut to four and "…").
pub fn shortenings(label: &str, min: usize) -> Vec<String> {
    let label = label.trim();
    let mut out = vec![label.to_string()];
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some((head, _)) = label.split_once(" (").filter(|(h, _)| h.chars().count() >= min) {
        push(head.trim_end().to_string());
    }
    let chars: Vec<char> = label.chars().collect();
    // Cuts at spaces, longest first.
    for i in (min..chars.len()).rev() {
        if chars[i] == ' ' && chars[i - 1] != ' ' {
            let head: String = chars[..i].iter().collect();
            push(format!("{}…", head.trim_end_matches([' ', '(', ',', ':', '-'])));
        }
    }
    for n in (min..chars.len().saturating_sub(1)).rev() {
        let head: String = chars[..n].iter().collect();
        let head = head.trim_end_matches([' ', '(', ',', ':', '-']);
        if head.chars().count() >= min {
            push(format!("{head}…"));
        }
    }
    out
}
