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
    mul.i8 w1, e0, w0
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
