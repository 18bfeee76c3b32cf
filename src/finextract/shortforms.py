"""Regular-expression pieces for the brackets that declare a company's short form, shared by the link stage
(which binds the short form to the full name) and the rule layer (which keeps the short form from being read
as a second party).

>>> import re
>>> re.fullmatch(CODE_BEFORE_SHORT_FORM, "股份代号：2869，")
<re.Match object; span=(0, 10), match='股份代号：2869，'>
>>> re.fullmatch(CODE_BEFORE_SHORT_FORM, "") is not None
True
"""

from __future__ import annotations

CODE_BEFORE_SHORT_FORM = r"(?:(?:股份代号|股票代码|证券代码)[:：]\s*[0-9A-Z.]{3,12}\s*[，,；;]\s*)?"
"""An optional stock code written before the short form inside the same brackets (（股份代号：2869，下称「瓒晖信托」）)."""
