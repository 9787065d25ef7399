//! The link's QR code: the SVG draws exactly the code's modules, dark on light, inside a quiet
//! zone of four modules, at error correction level M. Sizes are the QR standard's (ISO/IEC 18004
//! table 7: byte-mode capacity at level M is 14 bytes at version 1, 26 at version 2, 2,331 at 40).
#![cfg(not(target_arch = "wasm32"))]

use aicompute::formats::qr;

/// The dark modules an SVG path of `M x,y h w v1 h-w z` runs draws, as a grid of `side`.
fn drawn(svg: &str, side: usize) -> Vec<Vec<bool>> {
    let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
    let mut grid = vec![vec![false; side]; side];
    for run in d.split('M').filter(|r| !r.is_empty()) {
        let (xy, rest) = run.split_once('h').unwrap();
        let (x, y) = xy.split_once(',').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let w: usize = rest.split('v').next().unwrap().parse().unwrap();
        for cell in &mut grid[y][x..x + w] {
            *cell = true;
        }
    }
    grid
}

#[test]
fn the_svg_draws_the_codes_modules_inside_a_quiet_zone() {
    let link = "https://example.org/?v=1&fwd=0.75G&ex=1.2M&ep=90";
    let modules = qr::modules(link).unwrap();
    // 49 bytes at level M: version 3 holds 42, version 4 holds 62, so version 4: 17 + 4 × 4 = 33.
    assert_eq!(modules.len(), 33);
    let svg = qr::svg(link, 240, "QR <code>").unwrap();
    assert!(svg.contains("viewBox=\"0 0 41 41\""), "33 modules and 4 of quiet zone each side");
    assert!(svg.contains("<title>QR &lt;code&gt;</title>"));
    assert!(svg.contains("fill=\"#ffffff\"") && svg.contains("fill=\"#000000\""), "dark on light");
    let grid = drawn(&svg, 41);
    for (y, row) in grid.iter().enumerate() {
        for (x, dark) in row.iter().enumerate() {
            let inside = (4..37).contains(&x) && (4..37).contains(&y);
            let want = inside && modules[y - 4][x - 4];
            assert_eq!(*dark, want, "module ({x}, {y})");
        }
    }
    // A finder pattern at the top left: a dark 7 × 7 ring.
    assert!(modules[0][..7].iter().all(|m| *m) && modules[6][..7].iter().all(|m| *m));
    assert!(!modules[1][1] && modules[2][2]);
}

#[test]
fn sizes_follow_the_standards_capacity_at_level_m() {
    assert_eq!(qr::modules(&"a".repeat(14)).unwrap().len(), 21, "version 1");
    assert_eq!(qr::modules(&"a".repeat(15)).unwrap().len(), 25, "version 2");
    assert_eq!(qr::modules(&"a".repeat(26)).unwrap().len(), 25, "version 2");
    assert_eq!(qr::modules(&"é".repeat(1165)).unwrap().len(), 177, "version 40: 2,330 bytes");
    assert_eq!(qr::svg(&"a".repeat(2332), 240, "t"), None, "over 2,331 bytes at level M");
}
