//! Every visible string, in English and Chinese. A key missing from the table shows itself
//! (the key text) rather than failing, and a test checks that every key used exists.

/// The page's and the CLI's languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

/// Picks the text of `lang` from a pair written side by side, so no message can lack a language.
pub fn tr<T>(lang: Lang, en: T, zh: T) -> T {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// A message in `lang` from an English and a Chinese format string side by side (so neither can
/// be missing); only the one wanted is formatted. Arguments, if any, serve both.
#[macro_export]
macro_rules! trf {
    ($lang:expr, $en:literal, $zh:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::text::i18n::Lang::En => format!($en $(, $arg)*),
            $crate::text::i18n::Lang::Zh => format!($zh $(, $arg)*),
        }
    };
}

/// (key, English, Chinese). New keys go at the end.
///
/// Terminology, the same in every Chinese text of the page and the CLI:
/// - operations: 运算次数 (not 操作数, which reads as "operand"); the seed's word 操作数 is
///   given once, on first use (the subtitle). An add-multiply is 乘加 (MAC).
/// - FLOP: 浮点运算次数, an amount; FLOP/s: 每秒浮点运算次数, a rate (a chip's peak). The
///   symbols stay as written (FLOP, FLOP/s, PF, pfs-day); FLOPS typed in a count is read as FLOP.
/// - PF: always 10^15 FLOP, an amount (never petaFLOP/s, which is 10^15 FLOP/s).
/// - pfs-day (petaflop/s-day): 10^15 FLOP/s for a day, 8.64 × 10^19 FLOP; kept in Latin.
/// - epoch: 轮数 (epoch), examples: 样本数, forward/backward pass: 前向/反向传播.
/// - utilization: 利用率; peak: 峰值; chip: 芯片; data set of the chart: 数据来源 (数据集 is a
///   training set to a student).
/// - Ratios: 倍 only for increases (是……的 k 倍, 每年增至 k 倍); a decrease is 仅为……的 1/k. Big
///   multiples in prose use 万/亿 (约 32 万倍).
/// - Typography: full-width punctuation (，。：；（）“”) in Chinese sentences, a space between
///   CJK and Latin letters or digits, units in Chinese in derivations (天, 秒), 若依摩尔定律.
pub const STRINGS: &[(&str, &str, &str)] = &[
    ("app.title", "AI training compute calculator", "AI 训练算力计算器"),
    ("app.subtitle", "Estimate how much compute trained a model, the way OpenAI's “AI and Compute” (2018) did by hand: count the operations, or multiply GPU time.", "按 OpenAI《AI and Compute》（AI 与算力，2018）手工估算的方法，计算训练一个模型所用的算力：统计运算次数（原文称“操作数”），或由 GPU 时间推算。"),
    ("app.pfsday", "1 petaflop/s-day (pfs-day) = 10^15 operations per second for a day = 8.64 × 10^19 operations.", "1 petaflop/s-day（pfs-day）= 每秒 10^15 次运算持续一天 = 8.64 × 10^19 次运算。"),
    ("lang.switch", "中文", "English"),
    ("preset.label", "Worked example", "算例"),
    ("preset.none", "Choose a worked example…", "选择一个算例……"),
    ("preset.seed", "From OpenAI's appendix (2018)", "OpenAI 附录中的算例（2018）"),
    ("preset.modern", "Modern models", "近期模型"),
    ("preset.published", "Published", "公布数值"),
    ("preset.exact", "exact arithmetic", "精确计算"),
    ("preset.differs", "The published figure differs from its own arithmetic by", "公布数值比其算式的精确结果"),
    ("preset.source", "Source", "来源"),
    ("m1.title", "Method 1: counting operations", "方法 1：统计运算次数"),
    ("m1.tab.ops", "Forward ops", "前向运算次数"),
    ("m1.tab.layers", "Per layer", "逐层计算"),
    ("m1.tab.params", "6·N·D (transformers)", "6·N·D（Transformer）"),
    ("m1.forward", "Operations per forward pass (per example)", "每个样本一次前向传播的运算次数"),
    ("m1.per", "counted as", "计为"),
    ("m1.per.mac", "add-multiplies (MACs)", "乘加（MAC）"),
    ("m1.per.flop", "FLOPs", "FLOP"),
    ("m1.fpm", "FLOPs per add-multiply", "每次乘加的 FLOP 数"),
    ("m1.passes", "Forward + backward multiplier", "前向 + 反向倍数"),
    ("m1.examples", "Examples per epoch", "每轮样本数"),
    ("m1.epochs", "Epochs", "轮数（epoch）"),
    ("m1.layers", "Layers, one per line", "网络层，每行一层"),
    ("m1.layers.help", "conv in=84x84x3 k=8 s=4 f=16 · dense in=2592 out=256 · rnn in=1280 h=1280 bi x7 (lstm, gru)", "conv in=84x84x3 k=8 s=4 f=16 · dense in=2592 out=256 · rnn in=1280 h=1280 bi x7（lstm、gru）"),
    ("m1.layers.total", "Total per example", "每个样本合计"),
    ("m1.layers.use", "Use as forward ops", "填入前向运算次数"),
    ("m1.parameters", "Parameters N", "参数量 N"),
    ("m1.tokens", "Training tokens D", "训练词元（token）数 D"),
    ("m2.title", "Method 2: GPU time", "方法 2：GPU 时间"),
    ("m2.chips", "Number of chips", "芯片数量"),
    ("m2.hardware", "Hardware (type part of a name)", "硬件（输入名称的一部分）"),
    ("m2.precision", "Precision", "精度"),
    ("m2.precision.default", "default", "默认"),
    ("m2.peak", "or a custom peak", "或自定义峰值"),
    ("m2.time", "Training time", "训练时间"),
    ("m2.utilization", "Utilization", "利用率"),
    ("m2.factor", "Extra factor (a multiplier the source applies, e.g. NMT's square root of 10 × 100)", "额外系数（原文另乘的倍数，如 NMT 乘以 10 × 100 的平方根）"),
    ("m2.source", "Source", "来源"),
    ("m2.target", "FLOP target (solves for the one of chips, time, utilization left empty)", "目标运算量（求解芯片数、时间、利用率中留空的一项）"),
    ("m2.power", "Power per chip (empty: the chip's TDP)", "单芯片功率（留空则用芯片的热设计功耗）"),
    ("m2.pue", "PUE (empty: 1.1, Google's fleet average)", "电能使用效率（PUE，留空则为 1.1，谷歌数据中心平均值）"),
    ("m2.grid", "Grid carbon intensity, kg CO2e/kWh, or a region", "电网碳排放强度（千克二氧化碳当量/千瓦时）或地区"),
    ("m2.price", "Price per chip-hour, USD (empty: no cost shown)", "每芯片小时价格，美元（留空则不显示成本）"),
    ("m2.footprint", "Energy, emissions and cost", "能耗、碳排放与成本"),
    ("m2.chip-hours", "Chip-hours", "芯片小时数"),
    ("m2.energy", "Energy", "能耗"),
    ("m2.co2", "Emissions", "碳排放"),
    ("m2.cost", "Cost", "成本"),
    ("m2.price.hint", "Cloud prices vary: DeepSeek-V3's report assumed $2 per H800-hour.", "云端价格各异：DeepSeek-V3 技术报告按每 H800 小时 2 美元估算。"),
    ("ph.target", "3.14e23", "3.14e23"),
    ("ph.power", "400 W", "400 W"),
    ("ph.pue", "1.1", "1.1"),
    ("ph.grid", "0.4, world, france…", "0.4、world、france…"),
    ("ph.price", "$2", "$2"),
    ("thresholds.title", "Against legal thresholds", "与法规阈值相比"),
    ("derivation.solved", "(solved for)", "（求解所得）"),
    ("derivation.architecture", "(from the architecture: FLOP per token ÷ 6)", "（由架构得出：每 token FLOP ÷ 6）"),
    ("factor.per-token", "add-multiplies per token (forward)", "每 token 前向乘加次数"),
    ("m1.tab.transformer", "Transformer", "Transformer 架构"),
    ("tf.layers", "Layers", "层数"),
    ("tf.d-model", "Model width d_model", "模型宽度 d_model"),
    ("tf.heads", "Attention heads", "注意力头数"),
    ("tf.kv-heads", "Key-value heads (GQA)", "键值头数（GQA）"),
    ("tf.head-dim", "Head dimension", "每头维度"),
    ("tf.d-ff", "Feed-forward width d_ff", "前馈宽度 d_ff"),
    ("tf.gated", "Gated MLP (3 matrices, as Llama)", "门控 MLP（3 个矩阵，同 Llama）"),
    ("tf.vocab", "Vocabulary", "词表大小"),
    ("tf.tied", "Tied embeddings", "输入输出嵌入共享"),
    ("tf.context", "Context length", "上下文长度"),
    ("tf.experts", "Experts E (mixture of experts)", "专家数 E（混合专家）"),
    ("tf.active", "Active experts k per token", "每 token 激活专家数 k"),
    ("tf.shared", "Shared experts", "共享专家数"),
    ("tf.moe-d-ff", "Width of each expert", "每个专家的宽度"),
    ("tf.shared-d-ff", "Width of the shared experts together", "共享专家的总宽度"),
    ("tf.dense", "First dense layers", "前若干稠密层"),
    ("tf.positions", "Learned position table", "可学习位置编码表"),
    ("tf.bias", "Biases", "偏置"),
    ("tf.mla", "Latent attention (DeepSeek MLA): q rank, kv rank, rope, nope, v", "多头潜在注意力（DeepSeek MLA）：q 秩、kv 秩、rope、nope、v"),
    ("tf.convention", "Attention FLOP", "注意力 FLOP 计法"),
    ("tf.tokens", "Training tokens D", "训练词元（token）数 D"),
    ("tf.config", "Paste a config.json (Hugging Face)", "粘贴 config.json（Hugging Face）"),
    ("tf.config.used", "Read from the config:", "从配置读取："),
    ("tf.parameters", "Parameters", "参数量"),
    ("tf.active-parameters", "Active per token", "每 token 激活参数"),
    ("tf.more", "Mixture of experts and other details", "混合专家及其他细节"),
    ("tf.default", "default", "默认"),
    ("tf.assumed", "Assumed where the config or the fields do not say:", "配置或字段未说明之处的假定："),
    ("tf.switched", "switched", "已切换"),
    ("tf.switch.gated", "Switch to a gated MLP", "改为门控 MLP"),
    ("tf.switch.plain", "Switch to a plain MLP", "改为普通 MLP"),
    ("tf.switch.tied", "Switch to tied embeddings", "改为共享嵌入"),
    ("tf.switch.untied", "Switch to separate embeddings", "改为不共享嵌入"),
    ("tf.switch.biases", "Switch to biases everywhere", "改为各层均有偏置"),
    ("tf.switch.no-biases", "Switch to no biases", "改为无偏置"),
    ("tf.switch.positions", "Switch to a learned position table", "改为可学习位置编码表"),
    ("tf.switch.no-positions", "Switch to no position table", "改为无位置编码表"),
    ("tf.edit.context", "Edit the context length", "修改上下文长度"),
    ("ph.tf.layers", "32", "32"),
    ("ph.tf.d-model", "4096", "4096"),
    ("ph.tf.heads", "d_model / 128", "d_model / 128"),
    ("ph.tf.kv-heads", "= heads", "= 头数"),
    ("ph.tf.head-dim", "d_model / heads", "d_model / 头数"),
    ("ph.tf.d-ff", "4 × d_model", "4 × d_model"),
    ("ph.tf.vocab", "32000", "32000"),
    ("ph.tf.context", "2048", "2048"),
    ("ph.tf.experts", "0 (dense)", "0（稠密）"),
    ("ph.tf.active", "1", "1"),
    ("ph.tf.shared", "0", "0"),
    ("ph.tf.moe-d-ff", "= d_ff", "= d_ff"),
    ("ph.tf.shared-d-ff", "shared × expert width", "共享数 × 专家宽度"),
    ("ph.tf.dense", "0", "0"),
    ("ph.tf.mla", "1536 512 64 128 128", "1536 512 64 128 128"),
    ("ph.tf.tokens", "2T", "2 万亿"),
    ("export.title", "Download", "下载"),
    ("share.quiz", "Copy as exercise", "复制为练习链接"),
    ("share.quiz-copied", "Exercise link copied: it shows the inputs and asks for the result", "练习链接已复制：打开后只显示输入，请学生算出结果"),
    ("quiz.title", "Exercise", "练习"),
    ("projector", "Projector mode", "投影模式"),
    ("m2.utilization.epoch", "Empty: OpenAI's 33% (GPU) or 17% (CPU). Where a paper gives none, Epoch AI assumes:", "留空：OpenAI 的 33%（GPU）或 17%（CPU）。论文未给出时，Epoch AI 假定："),
    ("m2.utilization.language", "language models", "语言模型"),
    ("m2.utilization.other", "other models", "其他模型"),
    ("plan.title", "Planner: Chinchilla and MFU", "规划：Chinchilla 与 MFU"),
    ("plan.compute", "Compute budget (empty: this estimate)", "算力预算（留空则用本估算）"),
    ("plan.n", "Compute-optimal parameters", "算力最优参数量"),
    ("plan.d", "Compute-optimal tokens", "算力最优 token 数"),
    ("plan.tpp", "Tokens per parameter (Chinchilla: 20)", "每参数 token 数（Chinchilla：20）"),
    ("plan.chinchilla.help", "Chinchilla (Hoffmann et al. 2022): with C = 6·N·D and D = 20·N, N = √(C/120).", "Chinchilla（Hoffmann 等，2022）：由 C = 6·N·D 与 D = 20·N 得 N = √(C/120)"),
    ("plan.tps", "Measured throughput, tokens per second (all chips)", "实测吞吐量，每秒 token 数（全部芯片）"),
    ("plan.mfu", "Model FLOPs utilization", "模型算力利用率（MFU）"),
    ("plan.mfu.help", "PaLM's definition (Chowdhery et al. 2022): (6·N + 12·L·H·Q·T) × tokens/s ÷ (chips × peak), with the model of the 6·N·D or Transformer tab and Method 2's chips and peak. Epoch AI assumes 30% for language models and 40% otherwise where a paper gives none.", "PaLM 的定义（Chowdhery 等，2022）：MFU = (6·N + 12·L·H·Q·T) × 每秒 token 数 ÷ 芯片数 ÷ 峰值。模型取自 6·N·D 或 Transformer 架构标签页，芯片数与峰值取自方法 2。论文未给出时，Epoch AI 对语言模型假定 30%，其他模型 40%。"),
    ("ph.plan.compute", "5.76e23", "5.76e23"),
    ("ph.plan.tps", "238.3k", "238.3k"),
    ("trend.saved", "saved estimates", "已保存的估算"),
    ("trend.thresholds", "Legal thresholds (10²⁵, 10²⁶ FLOP)", "法规阈值（10²⁵、10²⁶ FLOP）"),
    ("saved.title", "Saved estimates", "已保存的估算"),
    ("saved.save", "Save this estimate", "保存此估算"),
    ("saved.load", "Open", "打开"),
    ("saved.remove", "Remove", "删除"),
    ("saved.none", "Save estimates to compare them here and on the chart.", "保存估算后，可在此处和图中比较。"),
    ("saved.method", "Method", "方法"),
    ("import.title", "Your own data on the chart (CSV)", "把你自己的数据画到图上（CSV）"),
    ("import.help", "Columns name, date (YYYY, YYYY-MM or YYYY-MM-DD) and flop or pfs_days; Epoch AI's downloads import as they are.", "列：name、date（YYYY、YYYY-MM 或 YYYY-MM-DD）以及 flop 或 pfs_days；Epoch AI 下载的文件可直接导入。"),
    ("import.apply", "Put on the chart", "绘入图中"),
    ("import.file", "or choose a file", "或选择文件"),
    ("import.download", "Download as CSV", "下载为 CSV"),
    ("import.kept", "Kept in this browser only; nothing is uploaded.", "只保存在本浏览器中，不会上传。"),
    ("quiz.ask", "How much compute did training take? Work it out from the inputs above and give it in FLOP, PF or pfs-days (like 1.2e19 FLOP or 0.14 pfs-days).", "训练用了多少算力？请根据上面的输入算出结果，以 FLOP、PF 或 pfs-days 为单位（如 1.2e19 FLOP 或 0.14 pfs-days）。"),
    ("quiz.answer", "Your answer", "你的答案"),
    ("quiz.check", "Check", "检查"),
    ("quiz.reveal", "Show the worked answer", "显示解答"),
    ("quiz.none", "This exercise has no result to check against yet: fill in a method's inputs.", "此练习还没有可对照的结果：请先填写某一方法的输入。"),
    ("quiz.right", "Right: within 10% of the exact answer", "正确：与精确答案相差不到 10%"),
    ("quiz.order", "The right order of magnitude, but not the exact arithmetic", "数量级正确，但与精确计算结果不符"),
    ("quiz.within", "Within 10× of the exact answer, but more than 3× off", "与精确答案相差超过 3 倍，但不到 10 倍"),
    ("quiz.far", "More than 10× from the exact answer", "与精确答案相差超过 10 倍"),
    ("quiz.grading", "Within 10% of the exact arithmetic is right; within 3× is the right order of magnitude (OpenAI aimed for 2–3×). An answer that matches a common slip (the forward pass only, add-multiplies for FLOPs, one epoch, seconds for days, pfs-days for FLOP, a power of ten) is told which.", "与精确计算相差 10% 以内为正确；相差 3 倍以内为数量级正确（OpenAI 的目标是 2–3 倍）。若答案与某个常见错误（只算前向传播、把乘加当作 FLOP、只算一轮、秒与天混淆、把 pfs-days 当作 FLOP、10 的幂次错误）的结果相符，会指出是哪一种。"),
    ("quiz.slip.forward", "looks like the backward pass is missing", "看起来漏算了反向传播"),
    ("quiz.slip.macs", "looks like add-multiplies were counted, not FLOPs", "看起来只数了乘加，未换算成 FLOP"),
    ("quiz.slip.flops", "looks like FLOPs were counted as add-multiplies", "看起来把 FLOP 当作乘加又换算了一次"),
    ("quiz.slip.epoch", "looks like only one epoch was counted", "看起来只算了一轮（epoch）"),
    ("quiz.slip.days", "looks like seconds and days are mixed up", "看起来把秒和天弄混了"),
    ("quiz.slip.hours", "looks like seconds and hours are mixed up", "看起来把秒和小时弄混了"),
    ("quiz.slip.hourday", "looks like hours and days are mixed up", "看起来把小时和天弄混了"),
    ("quiz.slip.pfs", "looks like a number of pfs-days, read as FLOP: write the unit, as in 0.12 pfs-days (a bare number is FLOP)", "看起来填的是 pfs-days 数值，却被当作 FLOP：请写上单位，例如 0.12 pfs-days（不带单位的数按 FLOP 计）"),
    ("quiz.slip.ten", "looks like a power of ten is off", "看起来 10 的幂次错了"),
    ("export.failed", "The download failed", "下载失败"),
    ("export.questions", "Exercise sheet", "练习题"),
    ("export.answers", "Answer key", "参考答案"),
    ("cite.title", "Cite", "引用"),
    ("cite.copy", "Copy citation", "复制引用"),
    ("cite.copied", "Citation copied", "引用已复制"),
    ("results.title", "Results", "结果"),
    ("result.flop", "FLOP", "FLOP"),
    ("result.pf", "PF", "PF"),
    ("result.pfs", "pfs-days", "pfs-days"),
    ("result.empty", "Fill in the fields to see a result.", "填写字段即可看到结果。"),
    ("result.invalid", "Fix the marked field to see a result.", "请修正标出的字段。"),
    ("result.derivation", "Derivation", "计算过程"),
    ("result.ratio", "Method 1 ÷ Method 2", "方法 1 ÷ 方法 2"),
    ("result.geomean", "geometric mean", "几何平均"),
    ("result.compare.empty", "Fill in both methods to compare them.", "两种方法都填写后即可比较。"),
    ("verdict.2x", "within 2×", "相差 2 倍以内"),
    ("verdict.3x", "within 3×", "相差 3 倍以内"),
    ("verdict.far", "far apart: check the inputs", "相差很大，请检查输入"),
    ("derivation.default", "(default)", "（默认值）"),
    ("factor.forward", "add-multiplies per forward pass", "每次前向传播的乘加数"),
    ("factor.fpm", "FLOPs per add-multiply", "每次乘加的 FLOP 数"),
    ("factor.passes", "forward and backward", "前向与反向"),
    ("factor.examples", "examples", "样本数"),
    ("factor.epochs", "epochs", "轮数"),
    ("factor.six", "6 FLOP per parameter per token", "每参数每 token 6 FLOP"),
    ("factor.parameters", "parameters", "参数量"),
    ("factor.tokens", "tokens", "token 数"),
    ("factor.chips", "chips", "芯片数"),
    ("factor.peak", "peak per chip", "单芯片峰值"),
    ("factor.time", "time", "时间"),
    ("factor.utilization", "utilization", "利用率"),
    ("factor.extra", "extra factor", "额外系数"),
    ("unit.d", "d", "天"),
    ("trend.title", "Compute of notable models over time", "历年重要模型的训练算力"),
    ("trend.doubling", "Doubling time", "翻倍时间"),
    ("trend.months", "months", "个月"),
    ("trend.fit", "fit", "拟合"),
    ("trend.dataset", "Data set", "数据来源"),
    ("trend.date", "Date of your model", "你的模型的日期"),
    ("trend.name", "Name of your model", "你的模型名称"),
    ("trend.you", "your estimate", "你的估算"),
    ("trend.moore", "Moore's law", "摩尔定律"),
    ("trend.growth", "growth per year", "每年增至"),
    ("trend.points", "points", "个数据点"),
    ("trend.ci", "95% interval", "95% 置信区间"),
    ("trend.loading", "Loading Epoch AI's notable models…", "正在加载 Epoch AI 的重要模型数据……"),
    ("trend.loadfail", "Epoch AI's data could not be loaded:", "无法加载 Epoch AI 的数据："),
    ("trend.nodate", "Enter the date of your model to place your estimate on the chart.", "填写模型日期，即可在图中标出你的估算。"),
    ("trend.table", "Data and sources", "数据与来源"),
    ("trend.table.model", "Model", "模型"),
    ("trend.table.date", "Date", "日期"),
    ("trend.hover", "Point at a marker to see its source.", "将指针移到数据点上查看来源。"),
    ("trend.extrapolation", "an extrapolation", "属于外推"),
    ("trend.undermonth", "less than a month", "不到 1 个月"),
    ("trend.norise", "not rising", "趋势没有上升"),
    ("trend.set.openai", "OpenAI", "OpenAI"),
    ("trend.set.modest", "OpenAI modest-compute", "OpenAI 少量算力"),
    ("trend.set.firstera", "first-era", "第一时期"),
    ("trend.set.epoch", "Epoch AI", "Epoch AI"),
    ("trend.set.imported", "imported", "导入数据"),
    ("share.copy", "Copy link", "复制链接"),
    ("share.copied", "Link copied", "链接已复制"),
    ("share.copyfail", "Copy this link:", "请复制此链接："),
    ("share.ignored", "The link had parts this page could not use:", "链接中有本页无法使用的部分："),
    ("print", "Print handout", "打印讲义"),
    ("footer.credit", "Method and 2012–2017 data: OpenAI, “AI and Compute” (Dario Amodei, Danny Hernandez, 2018). Notable models, first era and hardware: Epoch AI, licensed CC BY 4.0.", "方法与 2012–2017 年数据：OpenAI《AI and Compute》（Dario Amodei、Danny Hernandez，2018）。重要模型、第一时期与硬件数据：Epoch AI，CC BY 4.0 许可。"),
    ("footer.accuracy", "OpenAI aimed to be accurate within 2–3×: these are order-of-magnitude estimates.", "OpenAI 的目标是误差在 2–3 倍以内：这些是数量级估算。"),
    ("error.panic", "Something went wrong in the page. Reload it; your calculation is in the link.", "页面出错了。请刷新；你的计算保存在链接中。"),
    // Placeholders of the fields (src/field.rs names them): examples a reader can type, in
    // the units and multipliers the parser takes (天, 万, 亿 in Chinese).
    ("ph.forward", "11.4 * 10^9", "114 亿"),
    ("ph.fpm", "2", "2"),
    ("ph.passes", "3", "3"),
    ("ph.examples", "1.2M", "120 万"),
    ("ph.epochs", "1", "1"),
    ("ph.layers", "conv in=84x84x3 k=8 s=4 f=16", "conv in=84x84x3 k=8 s=4 f=16"),
    ("ph.parameters", "175B", "1750 亿"),
    ("ph.tokens", "300B", "3000 亿"),
    ("ph.chips", "2", "2"),
    ("ph.hardware", "GTX 580, V100, TPU v4…", "GTX 580、V100、TPU v4……"),
    ("ph.none", "default", "默认"),
    ("ph.peak", "1.58 TFLOPS", "1.58 TFLOPS"),
    ("ph.time", "5.5 d", "5.5 天"),
    ("ph.utilization", "33% GPU · 17% CPU", "GPU 33%，CPU 17%"),
    ("ph.factor", "1", "1"),
    ("ph.date", "2024-06", "2024-06"),
    ("ph.name", "My model", "我的模型"),
    ("unit.s", "s", "秒"),
    ("app.terms", "FLOP: floating-point operations, a count of work done; FLOP/s: floating-point operations per second, the speed of a chip. PF = 10^15 FLOP, an amount; a petaflop/s is 10^15 FLOP/s.", "FLOP：浮点运算次数，是工作量；FLOP/s：每秒浮点运算次数，是芯片的速度。PF = 10^15 次浮点运算，是一个数量；petaflop/s 指每秒 10^15 次浮点运算。"),
    ("chart.axis.pfs", "petaflop/s-days", "训练算力（petaflop/s-days）"),
    ("chart.axis.pfs.short", "pfs-days", "算力（pfs-days）"),
    ("chart.axis.flop", "FLOP", "浮点运算次数（FLOP）"),
    ("m1.layers.meaning", "in: input size (height x width x channels for conv); k: kernel size; s: stride; p: padding; f: filters; out: outputs; h: hidden units; bi: both directions; x7: the layer 7 times.", "in：输入大小（卷积层为 高 x 宽 x 通道数）；k：卷积核大小；s：步幅；p：填充；f：卷积核个数；out：输出数；h：隐藏单元数；bi：双向；x7：该层重复 7 次。"),
    // One current estimate (src/estimate.rs), the example's marks, defaults used, display modes.
    ("current.title", "Current estimate", "当前估算"),
    ("current.from", "from ", "来自"),
    ("current.both", "both methods (geometric mean)", "两种方法（几何平均）"),
    ("current.example", "worked example:", "算例："),
    ("current.auto", "the method last edited", "最后编辑的方法"),
    ("current.pick", "Figures below follow", "以下数字采用"),
    ("current.nothing", "No current estimate yet: fill in Method 1 or Method 2.", "还没有当前估算：请填写方法 1 或方法 2。"),
    ("current.picked1", "You picked Method 1, and it has no result yet.", "你选择了方法 1，但它还没有结果。"),
    ("current.picked2", "You picked Method 2, and it has no result yet.", "你选择了方法 2，但它还没有结果。"),
    ("current.disagree", "The two methods are more than 2× apart: pick one of them.", "两种方法相差超过 2 倍：请选择其中一种。"),
    ("example.badge", "Worked example, as printed:", "算例（按原文输入）："),
    ("example.clear", "Clear", "清空"),
    ("example.cleared", "You started your own calculation: the worked example's inputs in the other method were cleared, with its name and date.", "你开始了自己的计算：另一种方法中的算例输入及其名称和日期已清空。"),
    ("example.restore", "Restore the example", "恢复算例"),
    ("example.compare", "One method still holds the worked example: the ratio compares your inputs with the example's.", "其中一种方法仍是算例：比值是把你的输入与算例相比。"),
    ("new.calculation", "New calculation", "新建计算"),
    ("new.keep", "Keep my calculation in this browser", "在此浏览器中保留我的计算"),
    ("new.kept", "Your last calculation is kept in this browser and opens with the bare address.", "你的上一次计算保存在此浏览器中，直接打开网址时会恢复。"),
    ("new.notkept", "Opening the bare address starts from the worked example; nothing you type is kept.", "直接打开网址时从算例开始；你输入的内容不会保留。"),
    ("share.with-lang", "Link opens in my language", "链接以我的语言打开"),
    ("m2.target.link", "Use Method 1's estimate as the target", "以方法 1 的估算为目标"),
    ("m2.solved", "Solved", "求得"),
    ("ph.default", "default", "默认"),
    ("ph.eg", "e.g.", "例如"),
    ("ph.linked", "Method 1's estimate", "方法 1 的估算"),
    ("used.fpm", "FLOPs per add-multiply (default)", "每次乘加的 FLOP 数（默认）"),
    ("used.passes", "forward + backward (default)", "前向 + 反向（默认）"),
    ("used.epochs", "one epoch (default)", "一轮（默认）"),
    ("used.util.gpu", "the seed's default for GPUs", "原文对 GPU 的默认值"),
    ("used.util.cpu", "the seed's default for CPUs", "原文对 CPU 的默认值"),
    ("used.factor", "no extra factor (default)", "无额外系数（默认）"),
    ("used.precision", "default precision", "默认精度"),
    ("used.tdp", "TDP", "热设计功耗"),
    ("used.chips", "chips", "块芯片"),
    ("used.label", "Used", "采用"),
    ("share.more", "Share…", "分享……"),
    ("notice.dismiss", "Dismiss", "关闭"),
    ("share.embed", "Embed", "嵌入"),
    ("share.embed-copied", "Embed code copied: paste it into a course page (an <iframe> 800 × 600).", "嵌入代码已复制：粘贴到课程网页中（800 × 600 的 <iframe>）。"),
    ("share.qr", "QR code", "二维码"),
    ("share.qr.title", "QR code of this calculation's link", "本计算链接的二维码"),
    ("share.qr.caption", "Scan to open this calculation on a phone.", "用手机扫码打开本计算。"),
    ("share.qr.toolong", "This link is too long for a QR code: copy the link instead.", "链接太长，无法生成二维码：请复制链接。"),
    // The transformer tab's choices, as shown (the link keeps the English word).
    ("word.yes", "yes", "是"),
    ("word.no", "no", "否"),
    ("word.none", "none", "无"),
    ("word.qkv", "qkv (query, key, value only)", "仅 QKV（查询、键、值）"),
    ("word.all", "all", "全部"),
    ("word.kaplan", "kaplan (Kaplan et al. 2020)", "Kaplan（Kaplan 等，2020）"),
    ("word.palm", "palm (PaLM, Chowdhery et al. 2022)", "PaLM（Chowdhery 等，2022）"),
    ("import.placeholder", "name,date,flop\nGPT-3 175B,2020-05,3.14e23", "name,date,flop\nGPT-3 175B,2020-05,3.14e23"),
    // Reliability (issue 19): the CLI's words.
    ("cli.help-json", "--json: the help is text only; each command's --json prints its numbers", "--json：帮助只有文本；各命令的 --json 输出其数值"),
    ("cli.note", "note: ", "注："),
    ("cli.source", "source: ", "来源："),
    ("cli.ignored", "ignored: ", "已忽略："),
    ("cli.method1", "Method 1", "方法 1"),
    ("cli.method2", "Method 2", "方法 2"),
    ("cli.no-peak", "no peak figure", "无峰值数据"),
    ("cli.missing-input", "missing input: see 'aicompute --help'", "缺少输入：请参阅“aicompute --help”"),
    ("cli.hardware-or-peak", "--hardware or --peak: give exactly one of them", "--hardware 或 --peak：二者须给出且只给出一个"),
    ("cli.why.forward", "give the operations per forward pass", "请给出每次前向传播的运算次数"),
    ("cli.why.examples", "give the number of examples", "请给出样本数"),
    ("cli.why.chips", "give the number of chips (or --flop to solve for it)", "请给出芯片数（或给出 --flop 以求解芯片数）"),
    ("cli.why.time", "give the training time, such as '5.5 d' (or --flop to solve for it)", "请给出训练时间，例如“5.5 d”（或给出 --flop 以求解时间）"),
    ("cli.why.attention", "the attention term needs --layers, --heads, --head-dim and --context", "注意力项需要 --layers、--heads、--head-dim 和 --context"),
    ("cli.no-url", "link: give a URL or a query", "link：请给出网址或查询字符串"),
    ("cli.few-points", "fewer than 3 points with distinct dates in that selection: widen it", "所选范围内日期不同的数据点少于 3 个：请放宽范围"),
    ("cli.no-svg", "--svg: give the file to write", "--svg：请给出要写入的文件"),
    ("cli.no-date", "--date: give the date of --point, such as 2024-06", "--date：请给出 --point 的日期，例如 2024-06"),
    ("cli.chart-json", "--json: chart writes an SVG file; 'aicompute trend --json' prints the fit's numbers", "--json：chart 写出 SVG 文件；拟合的数值请用“aicompute trend --json”输出"),
    ("cli.lang-value", "--lang needs a value: en or zh", "--lang 需要一个值：en 或 zh"),
    ("cli.io.notfound", "no such file or folder", "文件或文件夹不存在"),
    ("cli.io.denied", "permission denied", "没有权限"),
    ("cli.io.folder", "it is a folder", "这是一个文件夹"),
    ("cli.io.notfolder", "a part of the path is not a folder", "路径中有一部分不是文件夹"),
    ("cli.io.full", "the disk is full", "磁盘已满"),
    ("cli.io.readonly", "the file system is read-only", "文件系统为只读"),
    ("cli.io.other", "input or output failed", "输入输出失败"),
    // Reliability (issue 19): the core's limits and messages.
    ("tf.mla.q", "MLA q rank", "MLA q 秩"),
    ("tf.mla.kv", "MLA kv rank", "MLA kv 秩"),
    ("tf.mla.rope", "MLA rope dimension", "MLA rope 维度"),
    ("tf.mla.nope", "MLA nope dimension", "MLA nope 维度"),
    ("tf.mla.v", "MLA v dimension", "MLA v 维度"),
    // Reliability (issue 19): the page's notices.
    ("load.offline", "no connection", "没有网络连接"),
    ("load.nottext", "the answer was not text", "返回的内容不是文本"),
    ("load.unreadable", "the file is not Epoch AI's CSV", "该文件不是 Epoch AI 的 CSV 数据"),
    ("load.epochoffline", "Epoch AI's data needs a connection the first time; once loaded it works offline.", "首次加载 Epoch AI 的数据需要网络连接；加载过一次后即可离线使用。"),
    ("kept.unreadable", "The calculation kept in this browser could not be read: the worked example opened instead and replaced it. What could not be read:", "此浏览器中保存的计算无法读取：已改为打开算例并替换了它。无法读取的部分："),
    ("kept.partly", "The calculation kept in this browser had parts this page could not use; they were left out and are no longer kept:", "此浏览器中保存的计算有本页无法使用的部分，已略去，不再保存："),
    ("import.notkept", "Too large to keep in this browser: it will be gone on reload. Nothing is uploaded.", "数据太大，无法保存在此浏览器中：重新加载后将消失。不会上传。"),
    ("saved.notkept", "This browser's storage is full: the latest change to this list will be gone on reload.", "此浏览器的存储空间已满：对此列表的最新更改在重新加载后将消失。"),
    ("saved.discard", "Remove the unreadable rows", "删除无法读取的条目"),
];

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match STRINGS.iter().find(|(k, _, _)| *k == key) {
        Some((_, en, zh)) => match lang {
            Lang::En => en,
            Lang::Zh => zh,
        },
        None => key,
    }
}

impl Lang {
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
    /// The `lang` attribute of the page.
    pub fn html(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

/// Chinese names of models, as the seed's Chinese text calls them; other names stay as
/// published.
const MODEL_NAMES_ZH: &[(&str, &str)] = &[
    ("Visualizing and Understanding Conv Nets", "可视化和理解卷积神经网络"),
    ("Neural Architecture Search", "神经架构搜索"),
    ("Neural Machine Translation", "神经机器翻译"),
];

/// A model's name in `lang`: the Chinese name where the app has one, else the published name.
pub fn model_name(name: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => name,
        Lang::Zh => MODEL_NAMES_ZH.iter().find(|(en, _)| *en == name).map_or(name, |(_, zh)| zh),
    }
}

/// A quoted original (a source's own English words) as the page shows it: as is in English,
/// labelled 原文 in Chinese.
pub fn original(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => text.to_string(),
        Lang::Zh => format!("原文：{text}"),
    }
}

/// The colon after a label: full-width in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    tr(lang, ": ", "：")
}
