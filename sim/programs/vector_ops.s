; Vector add, multiply and ReLU over SRAM data (preset: small, VL = 8).
; A: slice 0 (mem.w.0, position 5) words 0..7; B: slice 1 (mem.w.1, position 4) words 0..7.
; Results: A + B (saturating) in slice 4 (mem.e.0), A x B (saturating) in slice 5 (mem.e.1),
; ReLU(A) in slice 6 (mem.e.2), words 0..7.
; Timing (docs/architecture.md §3): a consumer j hops downstream issues d + j cycles after its
; producer; read d = 2, VXM d = 2. The VXM (position 6) issues at T = 4..11:
;   B read onto e1 at T - 2 - 2 (two hops), A read onto e0 at T - 2 - 1 (one hop);
;   mem.e.0 (position 7) writes e2 at T + 2 + 1, mem.e.1 (8) writes e3 at T + 2 + 2,
;   mem.e.2 (9) writes e4 at T + 2 + 3.
mem.w.1:
    read 0, e1
    repeat 7, 1, 1
mem.w.0:
    nop 1
    read 0, e0
    repeat 7, 1, 1
vxm.0:
    nop 4
    add.i8 e2, e0, e1
    repeat 7, 1, 0
vxm.1:
    nop 4
    mul.i8 e3, e0, e1
    repeat 7, 1, 0
vxm.2:
    nop 4
    relu.i8 e4, e0
    repeat 7, 1, 0
mem.e.0:
    nop 7
    write 0, e2
    repeat 7, 1, 1
mem.e.1:
    nop 8
    write 0, e3
    repeat 7, 1, 1
mem.e.2:
    nop 9
    write 0, e4
    repeat 7, 1, 1
.data 0 0
    .i8 127 -128 100 -100 87 123 97 -6
    .i8 -127 -87 -72 19 -78 102 -123 123
    .i8 32 -21 75 0 50 54 64 -89
    .i8 46 -83 21 19 106 -56 30 -116
    .i8 60 58 108 88 -82 76 127 -69
    .i8 89 123 75 4 87 117 -116 -14
    .i8 -62 -103 -76 91 112 -56 118 -11
    .i8 -66 105 112 0 77 29 117 77
.data 1 0
    .i8 1 -1 100 -100 -124 -112 -52 106
    .i8 122 56 -26 5 120 110 126 94
    .i8 -111 20 34 106 -78 96 4 103
    .i8 -35 89 117 -96 8 127 61 -79
    .i8 -29 82 -54 102 -121 -81 -128 103
    .i8 -86 -27 -2 -67 -106 9 54 -49
    .i8 -126 32 123 -59 -14 114 -61 20
    .i8 -85 85 -47 -59 28 82 71 -52
