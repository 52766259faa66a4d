"""Writes docs/images/icon.png, the package icon: 128x128, a rounded violet square with "AG" in
white, drawn with a 5x7 pixel font. Standard library only, so the icon can be remade anywhere:
    python3 eng/make-icon.py
"""
import os
import struct
import zlib

SIZE, RADIUS, SCALE = 128, 22, 8
BACKGROUND, FOREGROUND = (59, 47, 143, 255), (255, 255, 255, 255)
GLYPHS = {
    "A": ["01110", "10001", "10001", "11111", "10001", "10001", "10001"],
    "G": ["01110", "10001", "10000", "10111", "10001", "10001", "01111"],
}


def inside_rounded_square(x, y):
    cx = min(max(x, RADIUS), SIZE - 1 - RADIUS)
    cy = min(max(y, RADIUS), SIZE - 1 - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2


def main():
    pixels = [[(0, 0, 0, 0)] * SIZE for _ in range(SIZE)]
    for y in range(SIZE):
        for x in range(SIZE):
            if inside_rounded_square(x, y):
                pixels[y][x] = BACKGROUND
    text = "AG"
    width = len(text) * 5 * SCALE + (len(text) - 1) * SCALE
    left, top = (SIZE - width) // 2, (SIZE - 7 * SCALE) // 2
    for i, ch in enumerate(text):
        for row, bits in enumerate(GLYPHS[ch]):
            for col, bit in enumerate(bits):
                if bit == "1":
                    for dy in range(SCALE):
                        for dx in range(SCALE):
                            pixels[top + row * SCALE + dy][left + i * 6 * SCALE + col * SCALE + dx] = FOREGROUND
    raw = b"".join(b"\x00" + b"".join(struct.pack("4B", *p) for p in line) for line in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 9))
           + chunk(b"IEND", b""))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "images", "icon.png")
    with open(path, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
