; Vector add and subtract for the ice40 preset (M = 1, one ALU, VL = 4): the FPGA test program.
; mem.w.0 is at position 2, the VXM at 3, mem.e.0 at 4: every producer is one hop from its consumer,
; so a consumer issues d + 1 = 3 cycles after its producer (docs/architecture.md §3).
; A: slice 0 words 0..3 (eastward on e0); B: slice 1 words 0..3 (westward on w0).
; Cycles 4..7: A + B (saturating) on e1, written by mem.e.0 to slice 1 words 8..11 at 7..10.
; Cycles 16..19: A - B (saturating) on w1, written by mem.w.0 to slice 0 words 8..11 at 19..22.
; The second reads wait until mem.e.0's writes are done (a bank reads or writes once per cycle).
mem.w.0:
    nop 1
    read 0, e0
    repeat 3, 1, 1
    nop 8
    read 0, e0
    repeat 3, 1, 1
    nop 2
    write 8, w1
    repeat 3, 1, 1
mem.e.0:
    nop 1
    read 0, w0
    repeat 3, 1, 1
    nop 2
    write 8, e1
    repeat 3, 1, 1
    nop 2
    read 0, w0
    repeat 3, 1, 1
vxm.0:
    nop 4
    add.i8 e1, e0, w0
    repeat 3, 1, 0
    nop 8
    sub.i8 w1, e0, w0
    repeat 3, 1, 0
.data 0 0
    .i8 127 -128 100 -100
    .i8 87 123 97 -6
    .i8 -127 -87 -72 19
    .i8 -78 102 -123 123
.data 1 0
    .i8 1 -1 100 -100
    .i8 50 -50 3 7
    .i8 -2 2 -3 30
    .i8 9 -9 1 0
