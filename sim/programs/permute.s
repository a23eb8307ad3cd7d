; Permute the 8 lanes of a vector by a map held in the west permuter (preset: small).
; out[i] = in[map[i]], map = 7 2 5 0 3 6 1 4. Inputs: words 0..3 of slice 0 (mem.w.0, position 5,
; 4 hops east of the west SXM at position 1), read onto w0 at T - 2 - 4; the permuter issues at
; T = 6..9 (d = SL + 2 = 4); its result e1 reaches mem.w.0 at T + 4 + 4, written to words 16..19.
.permute sxm.w.perm.0 0 7 2 5 0 3 6 1 4
mem.w.0:
    read 0, w0
    repeat 3, 1, 1
    nop 10
    write 16, e1
    repeat 3, 1, 1
sxm.w.perm.0:
    nop 6
    permute 0, e1, w0
    repeat 3, 1, 0
.data 0 0
    .i8 63 55 107 106 114 31 -32 -47
    .i8 82 -50 120 -126 53 81 -109 -40
    .i8 -85 25 62 7 -58 -77 -119 -17
    .i8 29 -106 73 66 -48 -75 -85 -56
