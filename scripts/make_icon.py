"""Draws the application icon (resources/icons/app.png and app.ico): a red seal-like square with 法.

Drawn from the bundled FandolHei font, so the icon carries no third-party artwork."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parent.parent
SIZE = 256
RED = (200, 16, 46, 255)


def draw() -> Image.Image:
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=44, fill=RED)
    d.rounded_rectangle((26, 26, SIZE - 26, SIZE - 26), radius=30, outline=(255, 255, 255, 255), width=6)
    font = ImageFont.truetype(str(REPO / "resources" / "fonts" / "FandolHei-Regular.ttf"), 150)
    box = d.textbbox((0, 0), "法", font=font)
    x = (SIZE - (box[2] - box[0])) / 2 - box[0]
    y = (SIZE - (box[3] - box[1])) / 2 - box[1]
    d.text((x, y), "法", font=font, fill=(255, 255, 255, 255))
    return img


def main() -> None:
    out = REPO / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    img = draw()
    img.save(out / "app.png")
    img.save(out / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print("wrote resources/icons/app.png and app.ico")


if __name__ == "__main__":
    main()
