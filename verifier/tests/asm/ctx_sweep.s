; Context accesses swept by scripts/ctx-access-sweep.py (recorded with
; scripts/asm-kernel-verdicts.py --write): every byte offset and access size
; of a program type's context, read and written. The whole sweep (24,832
; cases over 26 program types and attach points) agrees with the kernel;
; kept here: sock_ops around skb_tcp_flags (narrow loads only from its
; start: the one disagreement the sweep found) and a read and a write of
; the first word of each program type the sweep added to these cases.

### ctx_sweep_cgroup_skb_r_0_4
; type: cgroup_skb
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_cgroup_skb_w_0_4
; type: cgroup_skb
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_cgroup_skb_egress_r_0_4
; type: cgroup_skb_egress
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_cgroup_skb_egress_w_0_4
; type: cgroup_skb_egress
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_lwt_in_r_0_4
; type: lwt_in
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_lwt_in_w_0_4
; type: lwt_in
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_lwt_xmit_r_0_4
; type: lwt_xmit
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_lwt_xmit_w_0_4
; type: lwt_xmit
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_sk_skb_r_0_4
; type: sk_skb
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_sk_skb_w_0_4
; type: sk_skb
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_0_4
; type: sock_ops
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_sock_ops_w_0_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_208_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=208 size=1
r2 = 0
r0 = *(u8 *)(r1 +208)
r0 = 0
exit

### ctx_sweep_sock_ops_w_208_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=208 size=1
r2 = 0
*(u8 *)(r1 +208) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_208_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=208 size=2
r2 = 0
r0 = *(u16 *)(r1 +208)
r0 = 0
exit

### ctx_sweep_sock_ops_w_208_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=208 size=2
r2 = 0
*(u16 *)(r1 +208) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_208_4
; type: sock_ops
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +208)
r0 = 0
exit

### ctx_sweep_sock_ops_w_208_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=208 size=4
r2 = 0
*(u32 *)(r1 +208) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_208_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=208 size=8
r2 = 0
r0 = *(u64 *)(r1 +208)
r0 = 0
exit

### ctx_sweep_sock_ops_w_208_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=208 size=8
r2 = 0
*(u64 *)(r1 +208) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_209_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=209 size=1
r2 = 0
r0 = *(u8 *)(r1 +209)
r0 = 0
exit

### ctx_sweep_sock_ops_w_209_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=209 size=1
r2 = 0
*(u8 *)(r1 +209) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_209_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=209 size=2
r2 = 0
r0 = *(u16 *)(r1 +209)
r0 = 0
exit

### ctx_sweep_sock_ops_w_209_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=209 size=2
r2 = 0
*(u16 *)(r1 +209) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_209_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=209 size=4
r2 = 0
r0 = *(u32 *)(r1 +209)
r0 = 0
exit

### ctx_sweep_sock_ops_w_209_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=209 size=4
r2 = 0
*(u32 *)(r1 +209) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_209_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=209 size=8
r2 = 0
r0 = *(u64 *)(r1 +209)
r0 = 0
exit

### ctx_sweep_sock_ops_w_209_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=209 size=8
r2 = 0
*(u64 *)(r1 +209) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_210_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=210 size=1
r2 = 0
r0 = *(u8 *)(r1 +210)
r0 = 0
exit

### ctx_sweep_sock_ops_w_210_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=210 size=1
r2 = 0
*(u8 *)(r1 +210) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_210_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=210 size=2
r2 = 0
r0 = *(u16 *)(r1 +210)
r0 = 0
exit

### ctx_sweep_sock_ops_w_210_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=210 size=2
r2 = 0
*(u16 *)(r1 +210) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_210_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=210 size=4
r2 = 0
r0 = *(u32 *)(r1 +210)
r0 = 0
exit

### ctx_sweep_sock_ops_w_210_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=210 size=4
r2 = 0
*(u32 *)(r1 +210) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_210_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=210 size=8
r2 = 0
r0 = *(u64 *)(r1 +210)
r0 = 0
exit

### ctx_sweep_sock_ops_w_210_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=210 size=8
r2 = 0
*(u64 *)(r1 +210) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_211_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=211 size=1
r2 = 0
r0 = *(u8 *)(r1 +211)
r0 = 0
exit

### ctx_sweep_sock_ops_w_211_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=211 size=1
r2 = 0
*(u8 *)(r1 +211) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_211_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=211 size=2
r2 = 0
r0 = *(u16 *)(r1 +211)
r0 = 0
exit

### ctx_sweep_sock_ops_w_211_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=211 size=2
r2 = 0
*(u16 *)(r1 +211) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_211_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=211 size=4
r2 = 0
r0 = *(u32 *)(r1 +211)
r0 = 0
exit

### ctx_sweep_sock_ops_w_211_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=211 size=4
r2 = 0
*(u32 *)(r1 +211) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_211_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=211 size=8
r2 = 0
r0 = *(u64 *)(r1 +211)
r0 = 0
exit

### ctx_sweep_sock_ops_w_211_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=211 size=8
r2 = 0
*(u64 *)(r1 +211) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_212_1
; type: sock_ops
; expect: ACCEPT
r2 = 0
r0 = *(u8 *)(r1 +212)
r0 = 0
exit

### ctx_sweep_sock_ops_w_212_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=212 size=1
r2 = 0
*(u8 *)(r1 +212) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_212_2
; type: sock_ops
; expect: ACCEPT
r2 = 0
r0 = *(u16 *)(r1 +212)
r0 = 0
exit

### ctx_sweep_sock_ops_w_212_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=212 size=2
r2 = 0
*(u16 *)(r1 +212) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_212_4
; type: sock_ops
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +212)
r0 = 0
exit

### ctx_sweep_sock_ops_w_212_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=212 size=4
r2 = 0
*(u32 *)(r1 +212) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_212_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=212 size=8
r2 = 0
r0 = *(u64 *)(r1 +212)
r0 = 0
exit

### ctx_sweep_sock_ops_w_212_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=212 size=8
r2 = 0
*(u64 *)(r1 +212) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_213_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=213 size=1
r2 = 0
r0 = *(u8 *)(r1 +213)
r0 = 0
exit

### ctx_sweep_sock_ops_w_213_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=213 size=1
r2 = 0
*(u8 *)(r1 +213) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_213_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=213 size=2
r2 = 0
r0 = *(u16 *)(r1 +213)
r0 = 0
exit

### ctx_sweep_sock_ops_w_213_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=213 size=2
r2 = 0
*(u16 *)(r1 +213) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_213_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=213 size=4
r2 = 0
r0 = *(u32 *)(r1 +213)
r0 = 0
exit

### ctx_sweep_sock_ops_w_213_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=213 size=4
r2 = 0
*(u32 *)(r1 +213) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_213_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=213 size=8
r2 = 0
r0 = *(u64 *)(r1 +213)
r0 = 0
exit

### ctx_sweep_sock_ops_w_213_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=213 size=8
r2 = 0
*(u64 *)(r1 +213) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_214_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=214 size=1
r2 = 0
r0 = *(u8 *)(r1 +214)
r0 = 0
exit

### ctx_sweep_sock_ops_w_214_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=214 size=1
r2 = 0
*(u8 *)(r1 +214) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_214_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=214 size=2
r2 = 0
r0 = *(u16 *)(r1 +214)
r0 = 0
exit

### ctx_sweep_sock_ops_w_214_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=214 size=2
r2 = 0
*(u16 *)(r1 +214) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_214_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=214 size=4
r2 = 0
r0 = *(u32 *)(r1 +214)
r0 = 0
exit

### ctx_sweep_sock_ops_w_214_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=214 size=4
r2 = 0
*(u32 *)(r1 +214) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_214_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=214 size=8
r2 = 0
r0 = *(u64 *)(r1 +214)
r0 = 0
exit

### ctx_sweep_sock_ops_w_214_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=214 size=8
r2 = 0
*(u64 *)(r1 +214) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_215_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=215 size=1
r2 = 0
r0 = *(u8 *)(r1 +215)
r0 = 0
exit

### ctx_sweep_sock_ops_w_215_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=215 size=1
r2 = 0
*(u8 *)(r1 +215) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_215_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=215 size=2
r2 = 0
r0 = *(u16 *)(r1 +215)
r0 = 0
exit

### ctx_sweep_sock_ops_w_215_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=215 size=2
r2 = 0
*(u16 *)(r1 +215) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_215_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=215 size=4
r2 = 0
r0 = *(u32 *)(r1 +215)
r0 = 0
exit

### ctx_sweep_sock_ops_w_215_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=215 size=4
r2 = 0
*(u32 *)(r1 +215) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_215_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=215 size=8
r2 = 0
r0 = *(u64 *)(r1 +215)
r0 = 0
exit

### ctx_sweep_sock_ops_w_215_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=215 size=8
r2 = 0
*(u64 *)(r1 +215) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_216_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=216 size=1
r2 = 0
r0 = *(u8 *)(r1 +216)
r0 = 0
exit

### ctx_sweep_sock_ops_w_216_1
; type: sock_ops
; expect: REJECT invalid bpf_context access off=216 size=1
r2 = 0
*(u8 *)(r1 +216) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_216_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=216 size=2
r2 = 0
r0 = *(u16 *)(r1 +216)
r0 = 0
exit

### ctx_sweep_sock_ops_w_216_2
; type: sock_ops
; expect: REJECT invalid bpf_context access off=216 size=2
r2 = 0
*(u16 *)(r1 +216) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_216_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=216 size=4
r2 = 0
r0 = *(u32 *)(r1 +216)
r0 = 0
exit

### ctx_sweep_sock_ops_w_216_4
; type: sock_ops
; expect: REJECT invalid bpf_context access off=216 size=4
r2 = 0
*(u32 *)(r1 +216) = r2
r0 = 0
exit

### ctx_sweep_sock_ops_r_216_8
; type: sock_ops
; expect: ACCEPT
r2 = 0
r0 = *(u64 *)(r1 +216)
r0 = 0
exit

### ctx_sweep_sock_ops_w_216_8
; type: sock_ops
; expect: REJECT invalid bpf_context access off=216 size=8
r2 = 0
*(u64 *)(r1 +216) = r2
r0 = 0
exit

### ctx_sweep_sk_msg_r_0_4
; type: sk_msg
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_sk_msg_w_0_4
; type: sk_msg
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_sock_addr_connect4_r_0_4
; type: sock_addr_connect4
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_sock_addr_connect4_w_0_4
; type: sock_addr_connect4
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_sock_addr_sendmsg6_r_0_4
; type: sock_addr_sendmsg6
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_sock_addr_sendmsg6_w_0_4
; type: sock_addr_sendmsg6
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_sock_addr_bind4_r_0_4
; type: sock_addr_bind4
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_sock_addr_bind4_w_0_4
; type: sock_addr_bind4
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_sockopt_get_r_0_4
; type: sockopt_get
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_sockopt_get_w_0_4
; type: sockopt_get
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_sockopt_set_r_0_4
; type: sockopt_set
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_sockopt_set_w_0_4
; type: sockopt_set
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_sk_lookup_r_0_4
; type: sk_lookup
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_sk_lookup_w_0_4
; type: sk_lookup
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_netfilter_r_0_4
; type: netfilter
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_netfilter_w_0_4
; type: netfilter
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_cgroup_sock_post_bind4_r_0_4
; type: cgroup_sock_post_bind4
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_cgroup_sock_post_bind4_w_0_4
; type: cgroup_sock_post_bind4
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_flow_dissector_r_0_4
; type: flow_dissector
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_flow_dissector_w_0_4
; type: flow_dissector
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_cgroup_dev_r_0_4
; type: cgroup_dev
; expect: ACCEPT
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_cgroup_dev_w_0_4
; type: cgroup_dev
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit

### ctx_sweep_sk_reuseport_r_0_4
; type: sk_reuseport
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### ctx_sweep_sk_reuseport_w_0_4
; type: sk_reuseport
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = 0
*(u32 *)(r1 +0) = r2
r0 = 0
exit
