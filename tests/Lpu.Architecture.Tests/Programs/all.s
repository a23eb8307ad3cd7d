; Every instruction of the ISA at least once, for the "small" preset (VL = 8, SL = 2, S = 8).
mem.w.0:
    nop 1
    read 3, e0          ; cycle 1, repeated at 2 and 3 with a = 4, 5
    repeat 2, 1, 1
    write 200, w1       ; bank 1
    gather e2, w3
    scatter w4, e5
    config 0x3
    sync                ; released by vxm.0's notify at 19, resumes at 21
    read 0, e3
vxm.0:
    add.i8 e1, e0, w0
    sub.i16 e2, e0, w0
    mul.i32 e4, e0, e4
    min.f16 e2, e0, e2
    max.f32 e4, e4, e0
    and.i8 e1, e0, e1
    or.i16 e2, e0, e2
    xor.i32 e4, e4, e4
    mov.i8 e1, w0
    neg.i16 e2, w2
    abs.f32 e4, w4
    relu.f16 e2, w2
    not.i8 e1, e1
    tanh.i8 e1, e1
    exp.i8 e1, e1
    rsqrt.i8 e1, e1
    cvt.i8.i32 e4, e0
    cvt.f32.f16 e2, e4
    requant e1, e4, -300, 8
    notify
sxm.w.shift.0:
    shift.up 1, e0, w0
    shift.down 2, w1, w1
sxm.w.perm.0:
    permute 0, e1, w0
sxm.w.dist.0:
    distribute 0, e2, w2
sxm.w.rot.0:
    rotate 3, e3, w3
sxm.w.trans.0:
    transpose e4, w4
mxm.0.w:
    lw e0, 4
    iw
mxm.0.a:
    nop 5
    abc e1, 0, set
    abc e1, 1, add
mxm.0.c:
    nop 10
    acc 0, w0
    repeat 1, 2, 1
.data 0 10
    .bytes 1 2 3 4 5 6 7 0xff
    .i8 -1 -2 -3 -4 -5 -6 -7 -128
.data 5 128
    .i32 1 -1 65536 2147483647 -2147483648 0 7 100000
    .i16 -32768 32767 0 1 -1 256 255 -256
.permute sxm.w.perm.0 0 7 6 5 4 3 2 1 0
.distribute sxm.w.dist.0 0 0 0 255 1
