"""Every GB/T 9704-2012 number the renderers use, each with its clause: the single source.

Values are in millimetres (mm), points (pt) or twips (1/20 pt), as named. [T] marks the
standard's own wording, [P] common practice or our implementation choice where the standard
gives no number. Both the PDF and the DOCX renderer read from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

MM = 72 / 25.4  # points per millimetre
TWIP = 1 / 20  # points per twip


def mm(v: float) -> float:
    """Millimetres → points."""
    return v * MM


def twips(pt: float) -> int:
    return round(pt * 20)


def _c(value, clause: str):
    return field(default=value, metadata={"clause": clause})


# Chinese point sizes (号 → pt) [T] §3 / common table
SIZE = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15,
        "四号": 14, "小四": 12}


@dataclass(frozen=True)
class GBT9704:
    # ---- page and type area -------------------------------------------------------------
    page_w_mm: float = _c(210.0, "[T] §5.1 A4 210×297 mm")
    page_h_mm: float = _c(297.0, "[T] §5.1 A4 210×297 mm")
    top_mm: float = _c(37.0, "[T] §5.2.1 天头 37 mm ±1")
    inside_mm: float = _c(28.0, "[T] §5.2.1 订口 28 mm ±1 (binding side; mirrored for duplex, §6.2)")
    area_w_mm: float = _c(156.0, "[T] §5.2.1 版心 156 mm wide")
    area_h_mm: float = _c(225.0, "[T] §5.2.1 版心 225 mm high (bottom 35 mm, outer 26 mm derived)")
    # ---- grid ---------------------------------------------------------------------------
    lines_per_page: int = _c(22, "[T] §5.2.3 一般每面排22行")
    chars_per_line: int = _c(28, "[T] §5.2.3 每行排28个字，并撑满版心")
    line_pitch_twips: int = _c(579, "[P] 225 mm / 22 = 28.99 pt, written as 579 twips (28.95 pt) so Word "
                                     "and LibreOffice fit 22 lines")
    body_size_pt: float = _c(16.0, "[T] §5.2.2/§7.3.3 正文 3号仿宋 (16 pt)")
    hang_punctuation: bool = _c(False, "[P] §5.2.3 撑满版心 but never past it: a ，。 that would start a line "
                                       "pulls the previous character down, as LibreOffice does (Word may hang it)")
    docx_tracking_twips: int = _c(-5, "[P] −0.25 pt per character so 28 glyphs of 16 pt fit 156 mm in Word")
    # ---- header (版头) -------------------------------------------------------------------
    mark_top_mm: float = _c(35.0, "[T] §7.2.4 发文机关标志上边缘至版心上边缘 35 mm (72 mm from the paper edge)")
    mark_size_pt: float = _c(36.0, "[P] §7.2.4 size not specified; 小初 36 pt, shrunk/scaled to fit")
    mark_min_hscale: float = _c(0.7, "[P] horizontal scaling down to 70% before the size is reduced")
    mark_joint_gap: float = _c(0.15, "[P] gap between stacked joint-issuer names, in em")
    mark_suffix_gap: float = _c(0.5, "[P] §7.2.4 joint mark: space between the names and “文件”, in em")
    mark_joint_max_lines: float = _c(2.4, "[P] §7.3.3 more stacked names than this shrink, so 正文 stays on "
                                          "page 1")
    copy_no_digits: int = _c(6, "[T] §7.2.1 份号 6 位阿拉伯数字")
    doc_no_blank_lines: int = _c(2, "[T] §7.2.5 发文字号 in the 2nd line below the mark (two blank lines)")
    sep_gap_mm: float = _c(4.0, "[T] §7.2.7 红色分隔线 4 mm below 发文字号")
    sep_thickness_mm: float = _c(0.5, "[P] §7.2.7 thickness not specified; 0.35–0.5 mm in practice")
    title_blank_lines: int = _c(2, "[T] §7.3.1 标题 two blank lines below the separator")
    title_size_pt: float = _c(22.0, "[T] §7.3.1 标题 2号小标宋")
    recipients_blank_lines: int = _c(1, "[T] §7.3.2 主送机关 one blank line below the title")
    # ---- body and signature -------------------------------------------------------------
    indent_chars: float = _c(2.0, "[T] §7.3.3 每个自然段左空二字")
    attach_note_blank_lines: int = _c(1, "[T] §7.3.4 附件说明 one blank line below 正文, 左空二字")
    sealed_date_right_chars: float = _c(4.0, "[T] §7.3.5.1 成文日期右空四字 (sealed)")
    sealed_blank_lines: int = _c(2, "[P] §7.3.5.1 room for the seal: 署名 on the 3rd line below 正文")
    unsealed_blank_lines: int = _c(1, "[T] §7.3.5.2 署名 one blank line below 正文")
    unsealed_name_right_chars: float = _c(2.0, "[T] §7.3.5.2 署名右空二字")
    unsealed_date_shift_chars: float = _c(2.0, "[T] §7.3.5.2 成文日期首字比署名首字右移二字")
    keep_lines_with_signature: int = _c(2, "[T] §7.3.5.5 署名 never alone on a page: lines of 正文 kept "
                                            "with it")
    seal_centre_lines: float = _c(0.8, "[T] §7.3.5.1 seal centre 0.8 line below the 署名 line's top: it "
                                       "presses 署名 and date, which sit slightly below its centre")
    seal_diameter_mm: float = _c(42.0, "[P] 国发〔1999〕25号: county bodies commonly 42 mm, government 45 mm")
    joint_seal_row_lines: int = _c(5, "[P] §7.3.5.1 rows of joint seals, one seal height (≈4.4 lines) apart")
    note_indent_chars: float = _c(2.0, "[T] §7.3.6 附注 居左空二字, on the line below 成文日期")
    attachment_title_line: int = _c(3, "[T] §7.3.7 附件标题 on line 3 of the attachment page")
    # ---- 版记 ----------------------------------------------------------------------------
    colophon_size_pt: float = _c(14.0, "[T] §7.4.2/§7.4.3 抄送、印发 4号仿宋")
    colophon_indent_chars: float = _c(1.0, "[T] §7.4.2 左右各空一字")
    colophon_thick_mm: float = _c(0.35, "[T] §7.4.1 首条、末条分隔线 0.35 mm (推荐)")
    colophon_thin_mm: float = _c(0.25, "[T] §7.4.1 中间分隔线 0.25 mm (推荐)")
    colophon_docx_thick_eighths: int = _c(8, "[P] Word border sz=8 (1 pt ≈ 0.35 mm)")
    colophon_docx_thin_eighths: int = _c(6, "[P] Word border sz=6 (0.75 pt ≈ 0.26 mm)")
    # ---- page numbers --------------------------------------------------------------------
    page_no_size_pt: float = _c(14.0, "[T] §7.5 4号半角宋体阿拉伯数字")
    page_no_gap_mm: float = _c(7.0, "[T] §7.5 一字线上距版心下边缘 7 mm")
    page_no_side_chars: float = _c(1.0, "[T] §7.5 单页码居右空一字，双页码居左空一字 (one 4号 character)")
    page_no_dash: str = _c("—", "[T] §7.5 一字线 U+2014 on each side: “— 1 —”")
    # ---- tables (横排表格, §8) ------------------------------------------------------------
    table_head_size_pt: float = _c(14.0, "[P] §8 not specified; header 4号黑体")
    table_body_size_pt: float = _c(12.0, "[P] §8 not specified; cells 小四仿宋")
    table_line_pt: float = _c(18.0, "[P] cell line height (exact) for 12 pt text")
    table_head_line_pt: float = _c(20.0, "[P] header line height (exact) for 14 pt text")
    table_pad_mm: float = _c(1.5, "[P] cell padding top/bottom and left/right")
    table_rule_pt: float = _c(0.5, "[P] table rules 0.5 pt black")
    # ---- colours (print modes) -----------------------------------------------------------
    red_rgb: tuple = _c((0.90, 0.0, 0.0), "[T] §6.2 red Y80% M80% in print; no RGB given. [P] #E60000")

    # ---- derived --------------------------------------------------------------------------
    @property
    def bottom_mm(self) -> float:
        return self.page_h_mm - self.top_mm - self.area_h_mm  # 35 mm

    @property
    def outside_mm(self) -> float:
        return self.page_w_mm - self.inside_mm - self.area_w_mm  # 26 mm

    @property
    def landscape_top_mm(self) -> float:
        """Top and bottom margin of a landscape page in Word or on its own (27 mm): Word mirrors
        only left and right, so both sides get the mean of 订口 and 切口, within their ±1 mm."""
        return (self.inside_mm + self.outside_mm) / 2

    @property
    def landscape_side_mm(self) -> float:
        """Left and right margin of a landscape page (36 mm): the mean of 天头 and the bottom."""
        return (self.top_mm + self.bottom_mm) / 2

    @property
    def line_pitch_pt(self) -> float:
        return self.line_pitch_twips * TWIP  # 28.95 pt

    @property
    def char_pitch_pt(self) -> float:
        return mm(self.area_w_mm) / self.chars_per_line  # 15.79 pt

    @property
    def tracking_pt(self) -> float:
        return self.char_pitch_pt - self.body_size_pt  # ≈ −0.21 pt

    def clause(self, name: str) -> str:
        for f in fields(self):
            if f.name == name:
                return f.metadata["clause"]
        raise KeyError(name)


PROFILE = GBT9704()
