/// The station's one page. The scanner types into `#scan` and presses Enter; the page posts the
/// text to `/scan` and shows the answer: verdict in large type (Chinese, English below), the
/// holder's photo, what to check, and the buttons when the guard's word is needed. Who is inside
/// and the sync state refresh on their own. No external resources: the guard's machine may be
/// offline.
public enum StationPage {
    public static let html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>门禁值班台 / Gate station</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;margin:0;background:#f2f2f2;color:#111}
        header{display:flex;gap:1em;align-items:center;padding:.5em 1em;background:#222;color:#fff}
        header h1{font-size:1.2em;margin:0;flex:1}
        #scan{font-size:1.1em;width:22em;padding:.3em}
        main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1em;padding:1em}
        #verdict{border-radius:.4em;padding:.6em 1em;color:#fff;background:#777;text-align:center}
        #verdict.granted{background:#0a7a28}#verdict.denied{background:#c0111f}
        #verdict-zh{font-size:4.5em;font-weight:800;line-height:1.1}#verdict-en{font-size:2em;font-weight:700}
        #card{display:flex;gap:1em;margin-top:1em;background:#fff;border-radius:.4em;padding:1em}
        #photo{width:300px;height:380px;object-fit:cover;background:#ddd;border:1px solid #999}
        #facts{font-size:1.4em;flex:1}#facts div{margin:.2em 0}
        .big{font-size:1.5em;font-weight:700}
        #reason,#letout{margin-top:1em;padding:.6em 1em;border-radius:.4em;font-size:1.4em}
        #reason{background:#fde2e4;border:3px solid #c0111f}
        #letout,.warn{background:#ffe58a;border:3px solid #b58900}
        .warn{padding:.4em .8em;border-radius:.4em;margin-top:.5em;font-size:1.2em}
        #ask{margin-top:1em;padding:1em;background:#e6f0ff;border:3px solid #1f5fbf;border-radius:.4em;font-size:1.4em}
        #ask button{font-size:1.1em;padding:.5em 1.2em;margin:.5em .5em 0 0}
        #details li{font-size:1.1em}
        section{background:#fff;border-radius:.4em;padding:1em}
        table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.25em;text-align:left}
        #sync{margin-top:1em}#sync.bad{background:#ffe58a}
        [hidden]{display:none !important}
        @media print{header,#left,#sync,#print{display:none}main{display:block}section{padding:0}}
        </style></head>
        <body>
        <header><h1 id="title">门禁值班台 / Gate station</h1>
        <label>扫码 / Scan <input id="scan" autocomplete="off" autofocus></label></header>
        <main>
        <div id="left">
          <div id="verdict"><div id="verdict-zh">请扫码</div><div id="verdict-en">Scan a badge or slip</div></div>
          <div id="letout" hidden></div>
          <div id="reason" hidden></div>
          <div id="warnings"></div>
          <div id="ask" hidden><div id="ask-prompt"></div>
            <button id="confirm-yes">是，相符 / Yes, matches</button><button id="confirm-no">否 / No</button></div>
          <div id="card" hidden><img id="photo" alt="照片 / photo">
            <div id="facts"><div id="kind"></div><div class="big" id="holder"></div><div id="company"></div>
            <div>证件后四位 / ID last 4: <span class="big" id="id4"></span></div>
            <div id="escort" class="warn" hidden>须有人陪同 / Escort required</div>
            <ul id="details"></ul></div></div>
        </div>
        <div>
          <section id="inside"><h2>在场人员 / Inside now: <span id="total">0</span></h2>
            <div id="by-company"></div>
            <table><thead><tr><th>姓名 / Name</th><th>单位 / Company</th><th>证件后四位 / ID</th><th>进入 / Since</th><th>门 / Gate</th></tr></thead>
            <tbody id="people"></tbody></table>
            <button id="print" onclick="window.print()">打印点名表 / Print muster list</button></section>
          <section id="sync"></section>
        </div>
        </main>
        <script>
        const $ = (id) => document.getElementById(id);
        const text = (id, value) => { $(id).textContent = value || ""; };
        let audio = null, pending = null;
        function beep(granted) {
          try {
            audio = audio || new (window.AudioContext || window.webkitAudioContext)();
            const tones = granted ? [[880, 0, .15]] : [[240, 0, .25], [240, .35, .25]];
            for (const [freq, start, length] of tones) {
              const osc = audio.createOscillator(), gain = audio.createGain();
              osc.frequency.value = freq; osc.type = granted ? "sine" : "square"; gain.gain.value = .2;
              osc.connect(gain).connect(audio.destination);
              osc.start(audio.currentTime + start); osc.stop(audio.currentTime + start + length);
            }
          } catch (e) {}
        }
        function line(r) { return r.zh + " [" + r.clause + "] / " + r.en; }
        function holder(d) {
          $("card").hidden = !d.holder;
          if (!d.holder) return;
          $("photo").src = d.photo || ""; $("photo").hidden = !d.photo;
          text("kind", d.kind.zh + " / " + d.kind.en); text("holder", d.holder); text("company", d.company);
          text("id4", d.id_last4); $("escort").hidden = !d.escort_required;
          $("details").replaceChildren(...(d.details || []).map((t) => { const li = document.createElement("li"); li.textContent = t; return li; }));
        }
        function warnings(list) {
          $("warnings").replaceChildren(...list.map((w) => { const div = document.createElement("div"); div.className = "warn"; div.textContent = "⚠ " + line(w); return div; }));
        }
        function show(d) {
          $("ask").hidden = true; $("letout").hidden = true; $("reason").hidden = true;
          if (d.error) { $("verdict").className = "denied"; text("verdict-zh", "错误"); text("verdict-en", d.error); return; }
          holder(d); warnings(d.warnings || []);
          if (d.ask) {
            pending = d.payload; $("verdict").className = "";
            text("verdict-zh", "请核对"); text("verdict-en", "Check, then confirm");
            text("ask-prompt", d.prompt.zh + " / " + d.prompt.en); $("ask").hidden = false; $("confirm-yes").focus();
            return;
          }
          pending = null;
          $("verdict").className = d.granted ? "granted" : "denied";
          text("verdict-zh", (d.granted ? "✔ " : "✘ ") + d.verdict.zh); text("verdict-en", d.verdict.en);
          if (d.reason) { text("reason", "原因 / reason: " + line(d.reason)); $("reason").hidden = false; }
          if (d.let_out) { text("letout", "⚠ " + d.let_out.zh + " [" + d.let_out.clause + "] / " + d.let_out.en + " — " + line(d.let_out.reason)); $("letout").hidden = false; }
          beep(d.granted && !d.let_out);
          refresh();
        }
        async function post(payload, confirm) {
          try {
            const answer = await fetch("/scan", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({payload, confirm})});
            const d = await answer.json(); d.payload = payload; show(d);
          } catch (e) { show({error: String(e)}); }
        }
        $("scan").addEventListener("keydown", (e) => {
          if (e.key !== "Enter") return;
          const payload = $("scan").value.trim(); $("scan").value = "";
          if (payload) post(payload, null);
        });
        $("confirm-yes").onclick = () => { if (pending) post(pending, true); $("scan").focus(); };
        $("confirm-no").onclick = () => { if (pending) post(pending, false); $("scan").focus(); };
        document.addEventListener("click", (e) => { if (e.target.tagName !== "BUTTON") $("scan").focus(); });
        async function refresh() {
          try {
            const inside = await (await fetch("/inside")).json();
            text("total", String(inside.total));
            text("by-company", inside.companies.map((c) => c.company + ": " + c.count).join("  ·  "));
            $("people").replaceChildren(...inside.people.map((p) => {
              const tr = document.createElement("tr");
              for (const v of [p.holder, p.company, p.id_last4, p.since, p.gate]) { const td = document.createElement("td"); td.textContent = v; tr.appendChild(td); }
              return tr;
            }));
            const s = await (await fetch("/state")).json();
            text("title", "门禁值班台 / Gate station — " + s.gate + " (" + (s.direction === "in" ? "进 / in" : "出 / out") + ")");
            const parts = ["上次同步 / last sync: " + (s.last_sync || "从未 / never"), "上次联系 / last contact: " + (s.last_contact || "—"), "待上传 / events waiting: " + s.events_waiting];
            if (s.stale) parts.unshift("⚠ 门禁数据已过期 / gate data is STALE");
            else if (s.aging) parts.unshift("⚠ 门禁数据将于 " + s.stale_at + " 过期 / gate data goes stale at " + s.stale_at);
            if (s.link_error) parts.push("连接 / link: " + s.link_error);
            $("sync").className = (s.stale || s.aging || s.link_error) ? "bad" : ""; text("sync", parts.join("  ·  "));
          } catch (e) { text("sync", "本机门禁服务无响应 / the station is not answering"); $("sync").className = "bad"; }
        }
        refresh(); setInterval(refresh, 5000);
        </script></body></html>
        """
}
