//! The label placer on hand-made boxes: where a label goes, when it moves out with a leader line,
//! is shortened, or dropped rather than overlap.

use aicompute::plot::place::{along, around, shortenings, Placer, Rect};

/// A 10×10 box for every label of these tests.
const SIZE: (i32, i32) = (10, 10);

fn one(text: &str) -> Vec<(String, (i32, i32))> {
    vec![(text.to_string(), SIZE)]
}

#[test]
fn a_label_goes_above_right_of_its_point_then_round_what_is_taken() {
    let bounds = Rect::new(0, 0, 100, 100);
    let mut p = Placer::new(bounds, 1);
    let near = |size| around((50, 50), 3, size, 10, 2, &bounds.grow(-1));
    // Above and right: left edge 3 right of the point, bottom edge 3 above it.
    let a = p.place(&one("a"), near).unwrap();
    assert_eq!((a.at, a.leader), (Rect::new(53, 37, 10, 10), None));
    // Right of the point, centred, would come within the gap of the first: above left instead.
    let b = p.place(&one("b"), near).unwrap();
    assert_eq!(b.at, Rect::new(37, 37, 10, 10));
    // Left and centred is as near the second; below right covers a marker to avoid: below left.
    p.avoid(Rect::around((58, 58), 2));
    let c = p.place(&one("c"), near).unwrap();
    assert_eq!(c.at, Rect::new(37, 53, 10, 10));
}

#[test]
fn a_label_moves_out_with_a_leader_where_its_neighbourhood_is_taken() {
    let bounds = Rect::new(0, 0, 200, 200);
    let mut p = Placer::new(bounds, 1);
    // Everything within 20 pixels of the point is taken.
    p.block(Rect::new(80, 80, 41, 41));
    let placed = p.place(&one("far"), |size| around((100, 100), 3, size, 10, 4, &bounds.grow(-1))).unwrap();
    let room = placed.at.grow(1);
    assert!(!room.overlaps(&Rect::new(80, 80, 41, 41)), "{:?}", placed.at);
    let (from, to) = placed.leader.expect("a leader line");
    // From the point's edge (3 pixels out) to the nearest point of the label's box.
    assert!(((from.0 - 100).pow(2) + (from.1 - 100).pow(2) - 9).abs() <= 4, "{from:?}");
    assert_eq!(to, placed.at.nearest((100, 100)));
}

#[test]
fn a_label_is_shortened_then_dropped_rather_than_overlap() {
    let bounds = Rect::new(0, 0, 40, 40);
    let mut p = Placer::new(bounds, 0);
    let variants = vec![("a long label".to_string(), (60, 10)), ("a lo…".to_string(), (20, 10))];
    let placed = p.place(&variants, |size| around((10, 20), 2, size, 10, 0, &bounds)).unwrap();
    assert_eq!(placed.text, "a lo…", "only the short form fits in 40 pixels");
    // The whole plot taken: nothing is placed.
    p.block(bounds);
    assert_eq!(p.place(&one("x"), |size| around((10, 20), 2, size, 10, 3, &bounds)), None);
}

#[test]
fn a_line_is_named_above_it_from_its_left_or_on_it_where_it_must() {
    let bounds = Rect::new(0, 0, 100, 40);
    let mut p = Placer::new(bounds, 1);
    let line = Rect::new(0, 18, 100, 2);
    p.block(line);
    // Above it, at its left end: 1 pixel in from the end and above the line.
    let above = p.place_over(&one("a"), |size| along(&line, size, 1, 5), Some(&line)).unwrap();
    assert_eq!(above.at, Rect::new(1, 7, 10, 10));
    // With the bands above and below taken, the next name sits on the line, centred on it, at the
    // second of five places from 1 to 89 (the first is too near the name above).
    p.block(Rect::new(0, 0, 100, 12));
    p.block(Rect::new(0, 25, 100, 15));
    let on = p.place_over(&one("b"), |size| along(&line, size, 1, 5), Some(&line)).unwrap();
    assert_eq!(on.at, Rect::new(23, 14, 10, 10));
    // Where the line may not be covered (no `over`), there is no room left.
    assert_eq!(p.place(&one("c"), |size| along(&line, size, 1, 5)), None);
}

#[test]
fn shorter_forms() {
    assert_eq!(shortenings("GPT-3 175B (davinci)", 3)[..3], ["GPT-3 175B (davinci)", "GPT-3 175B", "GPT-3 175B…"]);
    let mine = shortenings("my frontier model", 3);
    // A cut saves at least two characters for its ellipsis.
    assert_eq!(mine[..3], ["my frontier model", "my frontier…", "my frontier mod…"]);
    assert_eq!(mine.last().unwrap(), "my f…", "at least three characters before the ellipsis");
    assert_eq!(shortenings("神经机器翻译", 3), ["神经机器翻译", "神经机器…", "神经机…"]);
    assert_eq!(shortenings("DQN", 3), ["DQN"]);
}
