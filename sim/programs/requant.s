; Requantization of int32 vectors to int8 (preset: small, VL = 8):
;   y = clamp((x * 77 + 2^9) >> 10, -128, 127)   (docs/architecture.md §6)
; An i32 vector spans 4 streams (byte j on stream e<j>), so byte plane b of vector v is word v of
; slice b (mem.w.<b>, position 5 - b, 1 + b hops from the VXM at position 6). The VXM issues at
; T = 6..9; plane b is read at T - 2 - (1 + b); mem.e.0 (position 7) writes the i8 result, e4,
; at T + 2 + 1 to words 0..3 of slice 4.
mem.w.3:
    read 0, e3
    repeat 3, 1, 1
mem.w.2:
    nop 1
    read 0, e2
    repeat 3, 1, 1
mem.w.1:
    nop 2
    read 0, e1
    repeat 3, 1, 1
mem.w.0:
    nop 3
    read 0, e0
    repeat 3, 1, 1
vxm.0:
    nop 6
    requant e4, e0, 77, 10
    repeat 3, 1, 0
mem.e.0:
    nop 9
    write 0, e4
    repeat 3, 1, 1
; int32 inputs, vector by vector: [[2147483647, -2147483648, 0, -1, 44615442, -843223550, -1626191240, 1927504725], [1000, -1000, 13300, -13300, -433117077, 1810137379, 1455909323, -1337756493], [1622711243, 128576531, 1961028200, 1479078179, -472569072, -1809646609, -837908330, -669731521], [-1016001617, -361905150, -138725804, -77082714, 1274368332, 1357863990, 1494090042, -1153908169]]
.data 0 0
    .bytes 255 0 0 255 18 2 120 85
    .bytes 232 24 244 12 107 35 203 179
    .bytes 203 19 104 35 16 239 150 63
    .bytes 175 2 84 166 76 54 58 55
.data 1 0
    .bytes 255 0 0 255 199 110 74 99
    .bytes 3 252 51 204 40 129 105 116
    .bytes 155 236 234 241 43 251 136 181
    .bytes 11 196 54 207 81 92 1 194
.data 2 0
    .bytes 255 0 0 255 168 189 18 227
    .bytes 0 255 0 255 47 228 199 67
    .bytes 184 169 226 40 213 34 14 20
    .bytes 113 109 187 103 245 239 14 56
.data 3 0
    .bytes 127 128 0 255 2 205 159 114
    .bytes 0 255 0 255 230 107 86 176
    .bytes 96 7 116 88 227 148 206 216
    .bytes 195 234 247 251 75 80 89 187
