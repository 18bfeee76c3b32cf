"""Word lists read by the figure recognizer (immutable; Simplified working text).

Each list is small and closed on purpose: a word missing here costs recall on
one figure, a wrong word costs precision everywhere.
"""

from __future__ import annotations

CURRENCY_WORDS: dict[str, str] = {
    "人民币": "CNY", "元": "CNY", "块钱": "CNY", "块": "CNY",
    "美元": "USD", "美金": "USD", "美圆": "USD",
    "港元": "HKD", "港币": "HKD", "港圆": "HKD",
    "新台币": "TWD", "台币": "TWD",
    "欧元": "EUR", "日元": "JPY", "日圆": "JPY", "英镑": "GBP",
    "瑞士法郎": "CHF", "法郎": "CHF", "澳元": "AUD", "澳币": "AUD", "加元": "CAD", "加币": "CAD",
    "新加坡元": "SGD", "新元": "SGD", "韩元": "KRW", "卢布": "RUB", "卢比": "INR", "泰铢": "THB",
    "林吉特": "MYR", "奈拉": "NGN", "澳门元": "MOP", "澳门币": "MOP", "葡币": "MOP", "新西兰元": "NZD", "美刀": "USD",
    "比特币": "BTC", "以太币": "ETH",
}
"""Currency words written after an amount, with their ISO 4217 codes."""

CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "A$": "AUD", "C$": "CAD",
    "RMB": "CNY", "CNY": "CNY", "USD": "USD", "HKD": "HKD", "TWD": "TWD", "EUR": "EUR",
    "JPY": "JPY", "GBP": "GBP", "MOP": "MOP", "MOP$": "MOP", "$": "USD", "¥": "CNY", "￥": "CNY", "€": "EUR", "£": "GBP",
    "人民币": "CNY", "美元": "USD", "港币": "HKD", "港元": "HKD", "新台币": "TWD", "台币": "TWD",
}
"""Currency marks written before an amount (``US$5``, ``人民币50元``)."""

MEASURE_WORDS: tuple[str, ...] = (
    "家", "个", "名", "人次", "人", "位", "只", "件", "项", "款", "份", "笔", "单", "张", "户", "次",
    "篇", "条", "座", "辆", "台", "套", "架", "艘", "栋", "间", "所", "股", "手", "批", "宗",
    "起", "例", "轮", "届", "种", "类", "支", "枚", "颗", "部", "列", "处", "层", "场", "期",
    "吨", "公斤", "千克", "克", "斤", "公里", "千米", "平方公里", "平方米", "平米", "米", "亩",
    "公顷", "立方米", "桶", "升", "千瓦时", "千瓦", "兆瓦", "度", "点", "首", "本", "片", "块",
    "公分", "厘米", "毫米", "微米", "纳米", "毫克", "微克", "英尺", "平方英尺", "平方呎", "呎", "英寸", "英里", "海里",
    "盎司", "磅", "毫升", "千卡", "卡路里", "赫兹", "兆赫兹", "兆赫", "千赫", "吉赫", "字节", "千字节",
    "兆字节", "比特", "千比特", "兆比特", "焦耳", "千焦", "摄氏度", "华氏度", "℃", "℉", "°C", "°F",
)
"""Measure words (量词) and measurement units that make a number a quantity."""

LATIN_UNITS: tuple[str, ...] = (
    "cm", "CM", "mm", "MM", "km", "KM", "kg", "KG", "mg", "ml", "mL", "m", "kWh", "kwh", "kW", "kw",
    "MW", "GW", "GB", "MB", "TB", "KB", "Hz", "MHz", "GHz",
)
"""Latin measurement units read after an Arabic number (``168cm``, ``64GB``)."""

HALF_UNITS: frozenset[str] = frozenset({
    "吨", "公斤", "千克", "克", "斤", "公里", "千米", "米", "亩", "公顷", "升", "个月", "个小时", "小时", "天", "年",
    "周", "倍",
})
"""Units after which ``半`` adds one half (``一吨半`` = 1.5 吨, ``两年半``)."""

CRYPTO_COUNTERS: tuple[str, ...] = ("个", "枚")
"""Measure words allowed between an amount and a crypto-currency word (``20个比特币``)."""

DURATION_WORDS: tuple[str, ...] = ("个月", "个小时", "小时", "分钟", "天", "周", "年")
"""Units of elapsed time: ``100天内`` is a duration, not a date."""

AGE_WORDS: tuple[str, ...] = ("周岁", "岁")
"""Age units."""

COUNTED_NOUNS: tuple[str, ...] = (
    "银行", "商业银行", "企业", "公司", "上市公司", "子公司", "客户", "个人客户", "个人用户",
    "个人投资者", "员工", "职工", "工人", "技术人员", "人员", "门店", "网点", "分行", "支行",
    "机构", "金融机构", "城市", "国家", "地区", "项目", "产品", "股东", "用户", "投资者",
    "会员", "券商", "基金", "基金公司", "保险公司", "商户", "家庭", "学生", "车型", "车辆",
    "工厂", "医院", "学校", "品牌", "店", "农户", "贫困户", "股票", "个股", "交易日",
    "工作日", "特定对象", "发行对象", "对象", "合同", "订单", "专利", "床位", "岗位", "就业岗位", "行业", "省份", "市场",
    "贷款申请", "贷款", "保单", "账户", "交易",
    "机构投资者", "小微企业", "经理", "基金经理", "顾问", "理财顾问", "股份",
    "业务员", "代理人", "客户经理",
)
"""Nouns commonly counted in financial news (``400多家银行`` → 银行)."""

COUNTED_STOP = frozenset("的了和与及在是为中等以左上下内外后前时来起将已被把对向从也都还就并或而之其这那该各每")
"""Characters that end a counted-noun guess (particles, prepositions, conjunctions)."""

PREFIX_QUALIFIERS: dict[str, str] = {
    "不超过": "at_most", "不高于": "at_most", "不多于": "at_most", "至多": "at_most", "最多": "at_most",
    "不低于": "at_least", "不少于": "at_least", "至少": "at_least", "起码": "at_least", "最少": "at_least",
    "不得低于": "at_least", "不得少于": "at_least", "不得超过": "at_most", "不得高于": "at_most", "不得多于": "at_most",
    "最低": "at_least", "最高": "at_most", "低至": "at_least",
    "不到": "less_than", "不足": "less_than", "低于": "less_than", "少于": "less_than", "未满": "less_than",
    "未达": "less_than", "未逾": "at_most", "不逾": "at_most", "未超过": "at_most",
    "超过": "more_than", "逾": "more_than", "超": "more_than", "多于": "more_than", "高于": "more_than",
    "大于": "more_than", "多过": "more_than", "小于": "less_than", "大于等于": "at_least", "小于等于": "at_most",
    "大于或等于": "at_least", "小于或等于": "at_most", "大于或者等于": "at_least", "小于或者等于": "at_most", "不小于": "at_least", "不大于": "at_most",
    "≥": "at_least", "≤": "at_most", ">=": "at_least", "<=": "at_most", ">": "more_than", "<": "less_than",
    "近": "approx", "将近": "approx", "接近": "approx", "约": "approx", "大约": "approx",
    "约合": "approx", "大概": "approx", "差不多": "approx",
}
"""Qualifier words written before a figure; they stay inside the figure's span."""

QUALIFIER_PARTICLES: str = "有为是达了"
"""A particle that may sit between a bound word and its figure (``至少有10``, ``最多为5``, ``超过了1.2万亿``)."""

PREFIX_BLOCKERS: dict[str, str] = {"约": "合节签公条预契制履违", "近": "最附", "超": "高赶买卖出入", "逾": ""}
"""Characters that, before a one-character qualifier, make it part of another word (合约, 最近; 卖超 is net selling, 出超 a trade surplus)."""

SUFFIX_QUALIFIERS: dict[str, str] = {
    "以上": "more_than", "之上": "more_than", "开外": "more_than", "有余": "more_than",
    "及以上": "at_least", "或以上": "at_least", "或者以上": "at_least", "或更多": "at_least", "或者更多": "at_least",
    "以下": "at_most", "以内": "at_most", "之内": "at_most", "之下": "less_than",
    "及以下": "at_most", "或以下": "at_most", "或者以下": "at_most",
    "左右": "approx", "上下": "approx", "前后": "approx",
}
"""Qualifier words written after a figure; they stay inside the figure's span."""

COMPARATIVE_WORDS: dict[str, str] = {
    "大": "more_than", "高": "more_than", "多": "more_than", "小": "less_than", "低": "less_than", "少": "less_than",
}
"""Adjectives closing a comparison ``比X大`` (more than X) / ``比X低`` (less than X); kept inside the span."""

COMPARATIVE_BLOCKERS: str = "占同环对相评无类正反配攀可好排不日"
"""Characters before ``比`` that make it part of a word (占比, 同比, 相比, 对比), not a comparison."""

WEIGHT_LIANG: str = "两"
"""``两`` after a number is the weight unit liang (``三十两``, ``1234两``) unless more numerals or a measure word follow."""

RANGE_LINKS: tuple[str, ...] = ("-", "~", "～", "—", "－", "至", "到", "–")
"""Words joining the two ends of a range (``5至8亿``, ``20%-30%``)."""

BETWEEN_LINKS: tuple[str, ...] = ("和", "与", "跟", "及")
"""Words joining the two ends of a between-range (``20和30之间``)."""

BETWEEN_OPENERS: tuple[str, ...] = ("介于", "位于", "处于", "在")
"""Words that open a between-range (``介于5%和10%之间``); kept inside the span."""
