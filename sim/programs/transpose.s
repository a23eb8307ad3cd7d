; Transpose of 4x4 blocks inside each superlane (preset: small, L = 4, SL = 2) by the west
; SXM (position 1, d = SL + 2 = 4). Four inputs: word blk of slices 0..3 (mem.w.j, position
; 5 - j, 4 - j hops upstream of the SXM) read onto westward streams w0..w3. The transposer issues
; at T = 6..9 (blocks 0..3); slice j reads at T - 2 - (4 - j) = T - 6 + j. Out stream e(4+j) leaves position 1
; at T + 4 and is written by mem.w.(3-j) (position 2 + j, 1 + j hops) at T + 4 + 1 + j to word
; 8 + blk. Within superlane k: out stream 4+j, lane 4k+i = in stream i, lane 4k+j.
mem.w.0:
    read 0, w0
    repeat 3, 1, 1
    nop 10
    write 8, e7
    repeat 3, 1, 1
mem.w.1:
    nop 1
    read 0, w1
    repeat 3, 1, 1
    nop 8
    write 8, e6
    repeat 3, 1, 1
mem.w.2:
    nop 2
    read 0, w2
    repeat 3, 1, 1
    nop 6
    write 8, e5
    repeat 3, 1, 1
mem.w.3:
    nop 3
    read 0, w3
    repeat 3, 1, 1
    nop 4
    write 8, e4
    repeat 3, 1, 1
sxm.w.trans.0:
    nop 6
    transpose e4, w0
    repeat 3, 1, 0
.data 0 0
    .bytes 47 232 169 208 93 13 180 80
    .bytes 133 131 32 7 210 131 212 7
    .bytes 12 144 169 148 62 152 213 163
    .bytes 14 203 130 75 116 11 8 141
.data 1 0
    .bytes 180 110 56 143 109 150 137 67
    .bytes 29 49 120 11 158 62 48 179
    .bytes 10 175 101 28 57 83 62 60
    .bytes 245 213 135 161 70 45 91 19
.data 2 0
    .bytes 51 135 49 223 87 54 30 182
    .bytes 161 233 19 206 161 110 236 218
    .bytes 19 64 181 154 14 217 64 182
    .bytes 135 174 162 28 5 124 240 29
.data 3 0
    .bytes 94 54 160 141 32 149 161 82
    .bytes 61 191 128 199 149 182 29 223
    .bytes 212 196 193 122 215 112 64 93
    .bytes 113 77 204 184 119 141 175 102
