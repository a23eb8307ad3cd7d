; LPU program, configuration e5e615100f1bc5834a3210874766d08bfb50579a7acb638cefc2d17870698047
mem.w.0:
    nop 6
    read 0, w3
    repeat 11, 1, 5
    nop 3
    read 1, w3
    repeat 11, 1, 5
    nop 3
    read 2, w3
    repeat 11, 1, 5
    nop 3
    read 3, w3
    repeat 11, 1, 5
    nop 3
    read 4, w3
    repeat 11, 1, 5
    nop 3
    read 0, w3
    repeat 11, 1, 5
    nop 3
    read 1, w3
    repeat 11, 1, 5
    nop 3
    read 2, w3
    repeat 11, 1, 5
    nop 3
    read 3, w3
    repeat 11, 1, 5
    nop 3
    read 4, w3
    repeat 11, 1, 5
    nop 3
    read 0, w3
    repeat 11, 1, 5
    nop 3
    read 1, w3
    repeat 11, 1, 5
    nop 3
    read 2, w3
    repeat 11, 1, 5
    nop 3
    read 3, w3
    repeat 11, 1, 5
    nop 3
    read 4, w3
    repeat 11, 1, 5
    nop 3
    read 60, w3
    repeat 11, 1, 5
    nop 3
    read 61, w3
    repeat 11, 1, 5
    nop 3
    read 62, w3
    repeat 11, 1, 5
    nop 3
    read 63, w3
    repeat 11, 1, 5
    nop 3
    read 64, w3
    repeat 11, 1, 5
    nop 3
    read 60, w3
    repeat 11, 1, 5
    nop 3
    read 61, w3
    repeat 11, 1, 5
    nop 3
    read 62, w3
    repeat 11, 1, 5
    nop 3
    read 63, w3
    repeat 11, 1, 5
    nop 3
    read 64, w3
    repeat 11, 1, 5
    nop 3
    read 60, w3
    repeat 11, 1, 5
    nop 3
    read 61, w3
    repeat 11, 1, 5
    nop 3
    read 62, w3
    repeat 11, 1, 5
    nop 3
    read 63, w3
    repeat 11, 1, 5
    nop 3
    read 64, w3
    repeat 11, 1, 5
mem.w.1:
    read 0, w2
    repeat 1, 1, 1
    nop 2
    read 3, w2
    repeat 1, 1, 1
    nop 13
    read 6, w2
    repeat 1, 1, 1
    nop 13
    read 9, w2
    repeat 1, 1, 1
    nop 13
    read 12, w2
    repeat 1, 1, 1
    nop 13
    read 15, w2
    repeat 1, 1, 1
    nop 13
    read 18, w2
    repeat 1, 1, 1
    nop 13
    read 21, w2
    repeat 1, 1, 1
    nop 13
    read 24, w2
    repeat 1, 1, 1
    nop 13
    read 27, w2
    repeat 1, 1, 1
    nop 13
    read 30, w2
    repeat 1, 1, 1
    nop 13
    read 33, w2
    repeat 1, 1, 1
    nop 13
    read 36, w2
    repeat 1, 1, 1
    nop 13
    read 39, w2
    repeat 1, 1, 1
    nop 13
    read 42, w2
    repeat 1, 1, 1
    nop 13
    read 0, w2
    repeat 1, 1, 1
    nop 13
    read 3, w2
    repeat 1, 1, 1
    nop 13
    read 6, w2
    repeat 1, 1, 1
    nop 13
    read 9, w2
    repeat 1, 1, 1
    nop 13
    read 12, w2
    repeat 1, 1, 1
    nop 13
    read 15, w2
    repeat 1, 1, 1
    nop 13
    read 18, w2
    repeat 1, 1, 1
    nop 13
    read 21, w2
    repeat 1, 1, 1
    nop 13
    read 24, w2
    repeat 1, 1, 1
    nop 13
    read 27, w2
    repeat 1, 1, 1
    nop 13
    read 30, w2
    repeat 1, 1, 1
    nop 13
    read 33, w2
    repeat 1, 1, 1
    nop 13
    read 36, w2
    repeat 1, 1, 1
    nop 13
    read 39, w2
    repeat 1, 1, 1
    nop 13
    read 42, w2
    repeat 1, 1, 1
mem.w.2:
    nop 1
    read 0, w1
    repeat 2, 1, 1
    nop 1
    read 3, w1
    repeat 2, 1, 1
    nop 12
    read 6, w1
    repeat 2, 1, 1
    nop 12
    read 9, w1
    repeat 2, 1, 1
    nop 12
    read 12, w1
    repeat 2, 1, 1
    nop 12
    read 15, w1
    repeat 2, 1, 1
    nop 12
    read 18, w1
    repeat 2, 1, 1
    nop 12
    read 21, w1
    repeat 2, 1, 1
    nop 12
    read 24, w1
    repeat 2, 1, 1
    nop 12
    read 27, w1
    repeat 2, 1, 1
    nop 12
    read 30, w1
    repeat 2, 1, 1
    nop 12
    read 33, w1
    repeat 2, 1, 1
    nop 12
    read 36, w1
    repeat 2, 1, 1
    nop 12
    read 39, w1
    repeat 2, 1, 1
    nop 12
    read 42, w1
    repeat 2, 1, 1
    nop 12
    read 0, w1
    repeat 2, 1, 1
    nop 12
    read 3, w1
    repeat 2, 1, 1
    nop 12
    read 6, w1
    repeat 2, 1, 1
    nop 12
    read 9, w1
    repeat 2, 1, 1
    nop 12
    read 12, w1
    repeat 2, 1, 1
    nop 12
    read 15, w1
    repeat 2, 1, 1
    nop 12
    read 18, w1
    repeat 2, 1, 1
    nop 12
    read 21, w1
    repeat 2, 1, 1
    nop 12
    read 24, w1
    repeat 2, 1, 1
    nop 12
    read 27, w1
    repeat 2, 1, 1
    nop 12
    read 30, w1
    repeat 2, 1, 1
    nop 12
    read 33, w1
    repeat 2, 1, 1
    nop 12
    read 36, w1
    repeat 2, 1, 1
    nop 12
    read 39, w1
    repeat 2, 1, 1
    nop 12
    read 42, w1
    repeat 2, 1, 1
mem.w.3:
    nop 2
    read 0, w0
    repeat 2, 1, 1
    nop 1
    read 3, w0
    repeat 2, 1, 1
    nop 12
    read 6, w0
    repeat 2, 1, 1
    nop 12
    read 9, w0
    repeat 2, 1, 1
    nop 12
    read 12, w0
    repeat 2, 1, 1
    nop 12
    read 15, w0
    repeat 2, 1, 1
    nop 12
    read 18, w0
    repeat 2, 1, 1
    nop 12
    read 21, w0
    repeat 2, 1, 1
    nop 12
    read 24, w0
    repeat 2, 1, 1
    nop 12
    read 27, w0
    repeat 2, 1, 1
    nop 12
    read 30, w0
    repeat 2, 1, 1
    nop 12
    read 33, w0
    repeat 2, 1, 1
    nop 12
    read 36, w0
    repeat 2, 1, 1
    nop 12
    read 39, w0
    repeat 2, 1, 1
    nop 12
    read 42, w0
    repeat 2, 1, 1
    nop 12
    read 0, w0
    repeat 2, 1, 1
    nop 12
    read 3, w0
    repeat 2, 1, 1
    nop 12
    read 6, w0
    repeat 2, 1, 1
    nop 12
    read 9, w0
    repeat 2, 1, 1
    nop 12
    read 12, w0
    repeat 2, 1, 1
    nop 12
    read 15, w0
    repeat 2, 1, 1
    nop 12
    read 18, w0
    repeat 2, 1, 1
    nop 12
    read 21, w0
    repeat 2, 1, 1
    nop 12
    read 24, w0
    repeat 2, 1, 1
    nop 12
    read 27, w0
    repeat 2, 1, 1
    nop 12
    read 30, w0
    repeat 2, 1, 1
    nop 12
    read 33, w0
    repeat 2, 1, 1
    nop 12
    read 36, w0
    repeat 2, 1, 1
    nop 12
    read 39, w0
    repeat 2, 1, 1
    nop 12
    read 42, w0
    repeat 2, 1, 1
mem.e.0:
    nop 86
    write 0, e0
    repeat 11, 1, 3
    nop 63
    write 1, e0
    repeat 11, 1, 3
    nop 63
    write 2, e0
    repeat 11, 1, 3
    nop 63
    write 36, e0
    repeat 11, 1, 3
    nop 63
    write 37, e0
    repeat 11, 1, 3
    nop 63
    write 38, e0
    repeat 11, 1, 3
mem.e.1:
    nop 87
    write 0, e1
    repeat 11, 1, 3
    nop 63
    write 1, e1
    repeat 11, 1, 3
    nop 63
    write 2, e1
    repeat 11, 1, 3
    nop 63
    write 36, e1
    repeat 11, 1, 3
    nop 63
    write 37, e1
    repeat 11, 1, 3
    nop 63
    write 38, e1
    repeat 11, 1, 3
mem.e.2:
    nop 88
    write 0, e2
    repeat 11, 1, 3
    nop 63
    write 1, e2
    repeat 11, 1, 3
    nop 63
    write 2, e2
    repeat 11, 1, 3
    nop 63
    write 36, e2
    repeat 11, 1, 3
    nop 63
    write 37, e2
    repeat 11, 1, 3
    nop 63
    write 38, e2
    repeat 11, 1, 3
mem.e.3:
    nop 89
    write 0, e3
    repeat 11, 1, 3
    nop 63
    write 1, e3
    repeat 11, 1, 3
    nop 63
    write 2, e3
    repeat 11, 1, 3
    nop 63
    write 36, e3
    repeat 11, 1, 3
    nop 63
    write 37, e3
    repeat 11, 1, 3
    nop 63
    write 38, e3
    repeat 11, 1, 3
mxm.0.w:
    nop 6
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
    lw w0, 3
    repeat 1, 1, 0
    lw w0, 2
    nop 11
    iw
mxm.0.a:
    nop 13
    abc w3, 0, set
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, set
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, set
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, set
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, set
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, set
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
    nop 3
    abc w3, 0, add
    repeat 11, 1, 1
mxm.0.c:
    nop 77
    acc 0, e0
    repeat 11, 1, 1
    nop 63
    acc 0, e0
    repeat 11, 1, 1
    nop 63
    acc 0, e0
    repeat 11, 1, 1
    nop 63
    acc 0, e0
    repeat 11, 1, 1
    nop 63
    acc 0, e0
    repeat 11, 1, 1
    nop 63
    acc 0, e0
    repeat 11, 1, 1
.data 0 0
    .bytes 228 45 224 164 52 214 139 46
    .bytes 182 120 245 87 254 246 122 254
    .bytes 109 12 242 94 103 130 186 231
    .bytes 21 86 64 210 43 226 245 194
    .bytes 232 99 189 75 193 7 201 88
    .bytes 224 165 56 185 126 72 215 12
    .bytes 218 243 226 5 1 118 128 197
    .bytes 174 59 221 111 100 141 105 74
    .bytes 55 202 155 216 211 196 88 225
    .bytes 219 112 16 157 111 236 15 126
    .bytes 33 130 42 165 198 164 20 101
    .bytes 185 255 106 169 223 247 15 192
    .bytes 230 4 36 7 7 228 30 108
    .bytes 23 23 174 150 218 224 182 20
    .bytes 216 83 198 45 193 7 195 0
    .bytes 103 92 181 61 24 74 18 62
    .bytes 147 22 70 203 230 120 225 28
    .bytes 204 173 225 230 185 231 80 215
    .bytes 139 142 117 100 241 178 61 211
    .bytes 99 57 174 230 127 160 107 94
    .bytes 28 187 131 231 77 140 157 37
    .bytes 126 245 123 93 58 243 133 232
    .bytes 125 128 111 125 216 226 193 216
    .bytes 226 174 104 206 163 85 3 112
    .bytes 117 153 55 187 124 195 14 178
    .bytes 197 251 4 57 35 168 216 203
    .bytes 149 17 139 36 25 162 22 40
    .bytes 118 82 254 194 106 175 194 77
    .bytes 177 156 218 29 236 237 143 35
    .bytes 138 186 170 66 225 93 199 169
    .bytes 39 132 23 159 47 87 89 194
    .bytes 122 57 199 21 58 55 47 104
    .bytes 136 102 118 22 231 189 207 59
    .bytes 192 108 129 97 78 54 66 11
    .bytes 70 197 87 63 164 127 136 1
    .bytes 223 135 113 250 11 220 119 158
    .bytes 107 175 204 91 53 56 172 234
    .bytes 4 75 234 103 246 158 138 78
    .bytes 215 206 175 58 16 180 65 115
    .bytes 229 241 171 24 119 27 165 63
    .bytes 73 100 223 57 125 58 195 144
    .bytes 250 62 80 224 122 215 209 60
    .bytes 122 83 199 220 124 221 183 100
    .bytes 86 53 156 103 206 13 227 102
    .bytes 229 202 80 122 39 130 236 53
    .bytes 145 88 211 139 94 221 203 64
    .bytes 16 66 64 186 113 206 232 38
    .bytes 192 194 12 212 222 220 229 125
    .bytes 134 134 56 182 75 126 84 251
    .bytes 25 83 14 188 43 184 63 133
    .bytes 24 217 43 255 26 118 40 4
    .bytes 110 7 133 13 61 58 50 220
    .bytes 192 156 208 215 13 71 163 104
    .bytes 169 236 198 76 175 213 13 236
    .bytes 89 26 70 140 225 51 102 118
    .bytes 169 36 103 3 69 89 65 170
    .bytes 142 211 213 216 86 17 23 237
    .bytes 155 165 218 74 100 175 81 253
    .bytes 168 234 115 27 144 185 180 156
    .bytes 107 49 113 153 148 179 49 86
    .bytes 5 151 174 115 51 21 94 61
    .bytes 242 226 112 85 144 212 80 112
    .bytes 237 168 170 146 126 53 247 86
    .bytes 15 81 162 127 200 222 219 94
    .bytes 128 231 151 185 174 197 118 167
    .bytes 87 253 17 117 182 109 30 79
    .bytes 182 249 67 87 254 246 226 98
    .bytes 194 153 98 162 121 62 51 94
    .bytes 133 13 211 141 132 212 251 116
    .bytes 37 196 134 6 208 251 221 73
    .bytes 140 156 205 202 193 228 85 120
    .bytes 190 146 249 197 61 195 103 208
    .bytes 64 202 5 202 111 161 192 51
    .bytes 82 136 249 25 2 84 13 48
    .bytes 144 109 125 145 80 97 206 245
    .bytes 89 39 20 132 20 81 224 85
    .bytes 229 87 43 108 182 178 148 178
    .bytes 42 171 203 118 166 161 186 72
    .bytes 43 128 66 147 124 1 250 231
    .bytes 85 254 70 21 174 30 62 134
    .bytes 76 1 97 207 109 241 242 224
    .bytes 58 45 170 170 82 168 176 171
    .bytes 192 157 147 175 245 139 59 70
    .bytes 174 65 155 69 181 106 69 68
    .bytes 108 195 200 120 5 73 162 229
    .bytes 229 131 102 16 92 186 2 228
    .bytes 214 31 78 52 70 136 243 101
    .bytes 113 164 9 164 6 108 73 206
    .bytes 203 141 102 146 134 55 138 59
    .bytes 99 252 185 10 80 184 163 114
    .bytes 245 30 77 211 7 183 105 252
    .bytes 9 75 40 211 71 87 106 67
    .bytes 104 214 202 101 3 95 143 88
    .bytes 14 53 57 144 87 242 58 251
    .bytes 203 199 234 109 204 2 104 98
    .bytes 79 136 123 52 25 159 203 156
    .bytes 216 184 252 43 238 54 86 71
    .bytes 251 156 156 14 52 95 198 194
    .bytes 135 12 43 186 144 238 49 45
    .bytes 83 99 160 142 181 196 17 230
    .bytes 229 113 30 48 214 55 22 191
    .bytes 250 137 56 62 178 143 178 138
    .bytes 138 216 65 30 134 183 38 81
    .bytes 146 196 231 35 50 1 193 142
    .bytes 98 189 128 54 160 113 172 76
    .bytes 241 154 185 31 188 177 168 228
    .bytes 156 135 132 74 129 45 145 33
    .bytes 164 107 66 68 14 187 221 174
    .bytes 90 72 34 78 146 116 196 236
    .bytes 203 132 68 118 46 77 216 255
    .bytes 160 63 254 193 97 204 142 236
    .bytes 128 108 174 74 2 96 245 89
    .bytes 225 4 194 227 87 84 12 60
    .bytes 178 79 190 84 79 219 59 207
    .bytes 77 127 89 103 181 102 241 211
    .bytes 82 34 65 184 105 144 164 178
    .bytes 84 145 145 237 255 184 16 250
    .bytes 111 72 226 169 189 0 12 12
    .bytes 96 190 152 41 56 43 189 136
    .bytes 186 138 120 243 121 76 20 208
.data 3 0
    .bytes 24 185 241 77 163 19 25 88
    .bytes 123 174 72 83 251 18 187 120
    .bytes 171 2 236 2 32 225 10 228
    .bytes 159 85 9 4 174 124 16 147
    .bytes 156 187 23 88 62 62 162 47
    .bytes 101 33 148 100 71 101 251 68
    .bytes 114 162 174 171 83 139 113 211
    .bytes 135 80 19 110 29 39 126 72
    .bytes 141 40 123 37 194 74 78 255
    .bytes 102 243 27 38 226 186 132 169
    .bytes 219 35 101 178 168 218 140 141
    .bytes 58 64 125 89 183 138 199 23
    .bytes 78 94 9 174 115 175 58 90
    .bytes 120 6 249 221 254 165 53 33
    .bytes 196 189 95 154 242 89 254 15
    .bytes 144 95 96 171 79 63 161 104
    .bytes 4 46 248 130 68 217 180 199
    .bytes 102 188 166 118 146 26 230 136
    .bytes 53 58 30 150 40 144 61 111
    .bytes 71 163 145 192 28 144 104 158
    .bytes 159 80 74 48 249 46 184 83
    .bytes 10 219 199 125 106 82 106 93
    .bytes 123 14 32 211 250 111 78 164
    .bytes 147 228 246 192 243 164 39 1
    .bytes 192 163 70 250 57 90 242 111
    .bytes 175 52 0 150 150 154 71 177
    .bytes 9 54 126 181 248 179 137 158
    .bytes 74 67 184 193 31 62 173 96
    .bytes 85 187 30 64 158 236 10 151
    .bytes 85 210 146 225 188 11 88 82
    .bytes 15 191 195 149 0 0 0 0
    .bytes 48 88 36 225 0 0 0 0
    .bytes 252 39 199 0 0 0 0 0
    .bytes 49 239 49 78 0 0 0 0
    .bytes 113 77 209 144 0 0 0 0
    .bytes 212 202 231 156 0 0 0 0
    .bytes 160 235 61 197 0 0 0 0
    .bytes 203 80 44 187 0 0 0 0
    .bytes 164 62 18 9 0 0 0 0
    .bytes 194 175 2 225 0 0 0 0
    .bytes 169 165 104 235 0 0 0 0
    .bytes 176 105 219 11 0 0 0 0
    .bytes 56 147 158 141 0 0 0 0
    .bytes 217 20 177 247 0 0 0 0
    .bytes 168 75 59 113 0 0 0 0
.data 2 0
    .bytes 161 8 249 230 67 15 230 208
    .bytes 193 116 152 154 25 19 113 2
    .bytes 80 38 210 226 91 194 128 254
    .bytes 145 0 97 203 197 99 26 187
    .bytes 222 103 70 97 66 112 38 250
    .bytes 140 159 13 244 70 126 41 210
    .bytes 77 213 203 66 235 230 52 191
    .bytes 120 99 217 160 26 39 239 145
    .bytes 161 50 188 204 103 12 175 6
    .bytes 187 241 16 208 169 33 225 42
    .bytes 46 56 70 198 48 103 177 3
    .bytes 205 159 48 27 124 152 167 27
    .bytes 75 13 183 118 248 119 29 28
    .bytes 37 202 246 84 51 147 251 213
    .bytes 186 130 183 76 108 61 9 141
    .bytes 249 132 107 231 29 182 61 152
    .bytes 162 105 219 231 3 21 34 11
    .bytes 139 247 195 210 45 36 95 145
    .bytes 195 232 178 152 73 156 244 68
    .bytes 227 126 165 59 94 197 181 243
    .bytes 31 116 143 169 197 248 42 191
    .bytes 154 142 198 51 49 243 195 10
    .bytes 121 142 149 58 79 32 145 125
    .bytes 125 93 13 100 99 119 2 19
    .bytes 6 254 174 147 205 217 66 46
    .bytes 151 146 90 174 21 193 18 43
    .bytes 162 216 78 240 148 32 181 216
    .bytes 171 84 41 28 230 233 213 154
    .bytes 234 92 198 245 46 53 58 128
    .bytes 108 139 216 119 7 78 2 70
    .bytes 184 183 59 84 0 0 0 0
    .bytes 226 46 121 253 0 0 0 0
    .bytes 49 40 250 235 0 0 0 0
    .bytes 68 121 190 232 0 0 0 0
    .bytes 107 65 229 44 0 0 0 0
    .bytes 208 131 207 188 0 0 0 0
    .bytes 207 151 244 232 0 0 0 0
    .bytes 42 148 7 40 0 0 0 0
    .bytes 16 131 21 37 0 0 0 0
    .bytes 141 181 100 84 0 0 0 0
    .bytes 52 118 46 166 0 0 0 0
    .bytes 164 162 164 42 0 0 0 0
    .bytes 35 7 213 148 0 0 0 0
    .bytes 190 59 17 131 0 0 0 0
    .bytes 9 52 22 231 0 0 0 0
.data 1 0
    .bytes 87 149 211 46 40 152 119 50
    .bytes 249 230 219 224 218 210 95 222
    .bytes 0 0 0 0 0 0 0 0
    .bytes 55 154 31 166 136 89 202 186
    .bytes 49 111 169 8 180 11 166 103
    .bytes 0 0 0 0 0 0 0 0
    .bytes 209 153 118 221 10 202 131 97
    .bytes 42 233 47 229 1 92 68 55
    .bytes 0 0 0 0 0 0 0 0
    .bytes 49 88 193 51 247 48 188 197
    .bytes 254 152 49 20 89 41 78 98
    .bytes 0 0 0 0 0 0 0 0
    .bytes 142 238 182 57 110 98 159 135
    .bytes 230 192 230 228 205 148 225 104
    .bytes 0 0 0 0 0 0 0 0
    .bytes 67 230 131 49 30 55 52 211
    .bytes 234 236 250 180 196 203 60 108
    .bytes 0 0 0 0 0 0 0 0
    .bytes 41 100 157 102 73 238 50 67
    .bytes 78 135 90 230 39 190 194 170
    .bytes 0 0 0 0 0 0 0 0
    .bytes 64 161 106 67 207 145 228 242
    .bytes 146 231 114 242 64 83 137 169
    .bytes 0 0 0 0 0 0 0 0
    .bytes 177 47 84 111 51 9 92 221
    .bytes 250 177 233 43 96 80 146 122
    .bytes 0 0 0 0 0 0 0 0
    .bytes 142 227 74 72 249 96 235 7
    .bytes 29 100 61 26 174 235 13 26
    .bytes 0 0 0 0 0 0 0 0
    .bytes 9 51 253 139 0 0 0 0
    .bytes 174 39 221 134 0 0 0 0
    .bytes 0 0 0 0 0 0 0 0
    .bytes 9 20 85 233 0 0 0 0
    .bytes 124 250 62 11 0 0 0 0
    .bytes 0 0 0 0 0 0 0 0
    .bytes 174 135 205 53 0 0 0 0
    .bytes 40 154 208 82 0 0 0 0
    .bytes 0 0 0 0 0 0 0 0
    .bytes 234 180 85 65 0 0 0 0
    .bytes 100 236 20 184 0 0 0 0
    .bytes 0 0 0 0 0 0 0 0
    .bytes 58 45 162 82 0 0 0 0
    .bytes 73 255 58 90 0 0 0 0
    .bytes 0 0 0 0 0 0 0 0
