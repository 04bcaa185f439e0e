<?xml version="1.0" encoding="UTF-8"?>
<!-- The yearly report as one self-contained HTML page (tillit report).

     Input: a tillit report (export/tillit-report.xsd, format 1 or 2), of one
     site or merged. Output: HTML with inline CSS and inline SVG charts, no
     script and nothing loaded from elsewhere; print styles for A4, each part
     of the report starting on a new page (six parts: the period, activities
     and reach; knowledge gained; attendances per month; curricula, modules
     and questions; checklists and indicators; how to read the numbers).

     Parameter: lang, 'sv' or 'en' (default 'en'). Every text shown is in the
     table "texts" below, in both languages: to change a wording, change it
     there; to change the layout, change the templates or the CSS. The
     numbers are defined in docs/report-format.md, and the section "How to
     read these numbers" repeats those definitions.

     tillit runs this with libxslt with all file and network access
     forbidden: the stylesheet must not need document() or xsl:include. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:tillit:report:1"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="r exsl">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-public="-//W3C//DTD HTML 4.01//EN"
              doctype-system="http://www.w3.org/TR/html4/strict.dtd"/>

  <xsl:param name="lang" select="'en'"/>
  <xsl:variable name="L">
    <xsl:choose>
      <xsl:when test="$lang = 'sv'">sv</xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>


  <!-- ===== every text, in both languages ===== -->
  <xsl:variable name="texts-rtf">
    <t k="title" sv="Årsrapport: utbildning och indikatorlistor" en="Yearly report: training and indicator checklists"/>
    <t k="made-by" sv="Skapad av tillit" en="Made by tillit"/>
    <t k="generated" sv="Rapporten skrevs" en="Report written"/>
    <t k="period" sv="Period" en="Period"/>
    <t k="open-start" sv="från första posten" en="from the first record"/>
    <t k="open-end" sv="till sista posten" en="to the last record"/>
    <t k="sites" sv="Verksamheter" en="Sites"/>
    <t k="one-site" sv="En verksamhets egen rapport" en="One site's own report"/>
    <t k="merged-of" sv="Sammanslagen av så här många rapporter:" en="Merged from this many reports:"/>
    <t k="scope" sv="Avgränsning" en="Scope"/>
    <t k="scope-all" sv="alla läroplaner och organisationer" en="every curriculum and organisation"/>
    <t k="curriculum" sv="Läroplan" en="Curriculum"/>
    <t k="organisation" sv="Organisation" en="Organisation"/>

    <t k="activities" sv="Verksamhet" en="Activities"/>
    <t k="sessions" sv="Utbildningstillfällen" en="Training sessions"/>
    <t k="group-sessions" sv="varav gruppträffar" en="of which group sessions"/>
    <t k="self-sessions" sv="varav självstudier" en="of which self-study"/>
    <t k="training-hours" sv="Utbildningstimmar" en="Training hours"/>
    <t k="participant-hours" sv="Deltagartimmar" en="Participant hours"/>
    <t k="study-time" sv="Studietid på sidorna" en="Study time on the pages"/>
    <t k="attendances" sv="Närvarotillfällen" en="Attendances"/>
    <t k="participants" sv="Deltagare" en="Participants"/>
    <t k="organisations" sv="Organisationer" en="Organisations"/>
    <t k="checklist-runs" sv="Genomgångar av indikatorlistor" en="Checklist runs"/>
    <t k="hours" sv="tim" en="h"/>
    <t k="minutes" sv="min" en="min"/>

    <t k="reach" sv="Vilka nåddes: organisationstyp och nivå" en="Reach by organisation type and level"/>
    <t k="org-type" sv="Organisationstyp" en="Organisation type"/>
    <t k="operational" sv="Operativ nivå" en="Operational level"/>
    <t k="strategic" sv="Strategisk nivå" en="Strategic level"/>
    <t k="total" sv="Totalt" en="Total"/>
    <t k="reach-chart" sv="Deltagare per organisationstyp och nivå" en="Participants by organisation type and level"/>
    <t k="org.social_services" sv="Socialtjänst" en="Social services"/>
    <t k="org.environmental_health" sv="Miljöförvaltning" en="Environmental health"/>
    <t k="org.police" sv="Polis" en="Police"/>
    <t k="org.migration_agency" sv="Migrationsverket" en="Migration agency"/>
    <t k="org.health_care" sv="Hälso- och sjukvård" en="Health care"/>
    <t k="org.other_authority" sv="Annan myndighet" en="Other authority"/>
    <t k="org.ngo" sv="Idéburen organisation" en="Non-governmental organisation"/>

    <t k="knowledge" sv="Kunskapsökning" en="Knowledge gained"/>
    <t k="pre-mean" sv="Medel före" en="Mean before"/>
    <t k="post-mean" sv="Medel efter" en="Mean after"/>
    <t k="gain" sv="Medelökning" en="Mean gain"/>
    <t k="pre-checks" sv="Förtest" en="Pre-checks"/>
    <t k="post-checks" sv="Eftertest" en="Post-checks"/>
    <t k="pairs" sv="Par" en="Pairs"/>
    <t k="improved" sv="Andel som förbättrade sig" en="Share who improved"/>
    <t k="points" sv="procentenheter" en="percentage points"/>
    <t k="distribution" sv="Fördelning av resultaten före och efter (deltagare per resultatintervall)" en="Distribution of the scores before and after (participants per score band)"/>
    <t k="before" sv="Före" en="Before"/>
    <t k="after" sv="Efter" en="After"/>
    <t k="no-checks" sv="Inga för- eller eftertest under perioden." en="No pre- or post-checks in the period."/>

    <t k="months" sv="Närvaro per månad" en="Attendances per month"/>
    <t k="month" sv="Månad" en="Month"/>
    <t k="months-chart" sv="Närvarotillfällen per månad, även tomma månader" en="Attendances per month, empty months too"/>
    <t k="no-months" sv="Inga utbildningstillfällen under perioden." en="No training sessions in the period."/>

    <t k="curricula" sv="Läroplaner och moduler" en="Curricula and modules"/>
    <t k="version" sv="version" en="version"/>
    <t k="module" sv="Modul" en="Module"/>
    <t k="started" sv="Påbörjade" en="Started"/>
    <t k="completions" sv="Slutförde" en="Completed"/>
    <t k="completion-rate" sv="Andel slutförda" en="Completion"/>
    <t k="check-takers" sv="Gjorde testet" en="Took the check"/>
    <t k="pass-rate" sv="Godkända" en="Pass rate"/>
    <t k="mean-score" sv="Medelresultat" en="Mean score"/>
    <t k="no-check" sv="inget test" en="no check"/>
    <t k="no-modules" sv="Ingen modul påbörjades." en="No module was started."/>
    <t k="no-curricula" sv="Inga läroplaner användes under perioden." en="No curriculum was used in the period."/>

    <t k="questions" sv="Frågeanalys" en="Question analysis"/>
    <t k="questions-intro" sv="Frågor med minst 10 svar. Svårighetsgrad: andelen rätta svar. Särskiljning: hur väl frågan skiljer starkare från svagare deltagare (punktbiserial korrelation)." en="Questions with at least 10 answers. Difficulty: the share answered right. Discrimination: how well the question separates stronger from weaker participants (point-biserial correlation)."/>
    <t k="check" sv="Test" en="Check"/>
    <t k="question" sv="Fråga" en="Question"/>
    <t k="answers" sv="Svar" en="Answers"/>
    <t k="difficulty" sv="Andel rätt" en="Share right"/>
    <t k="discrimination" sv="Särskiljning" en="Discrimination"/>
    <t k="review" sv="Se över frågan" en="Review this question"/>
    <t k="not-defined" sv="går inte att beräkna" en="cannot be worked out"/>
    <t k="no-questions" sv="Ingen fråga har minst 10 svar under perioden." en="No question has 10 answers or more in the period."/>
    <t k="older-format-questions" sv="Rapporten skrevs före frågeanalysen (rapportformat 3) och har ingen." en="The report was written before the question analysis (report format 3) and has none."/>
    <t k="pre-post" sv="för- och eftertest" en="pre- and post-check"/>

    <t k="checklists" sv="Användning av indikatorlistor" en="Checklist use"/>
    <t k="checklist" sv="Indikatorlista" en="Checklist"/>
    <t k="runs" sv="Genomgångar" en="Runs"/>
    <t k="outcome" sv="Bedömning" en="Outcome"/>
    <t k="not-assessed" sv="ej bedömd ännu" en="not assessed yet"/>
    <t k="runs-chart" sv="Genomgångar per månad" en="Runs per month"/>
    <t k="no-runs" sv="Inga genomgångar under perioden." en="No checklist runs in the period."/>

    <t k="indicators" sv="Indikatorer: hur ofta svaret var ja" en="Indicators: how often the answer was yes"/>
    <t k="indicators-intro" sv="Anonyma antal. Ett antal från 1 till 4 visas aldrig som siffra, så att inget enskilt fall kan kännas igen." en="Anonymous counts. A count from 1 to 4 is never shown as a number, so that no single case can be recognised."/>
    <t k="indicator" sv="Indikator" en="Indicator"/>
    <t k="yes" sv="Ja" en="Yes"/>
    <t k="fewer-than-5" sv="färre än 5" en="fewer than 5"/>
    <t k="between" sv="mellan" en="between"/>
    <t k="and" sv="och" en="and"/>
    <t k="older-format-indicators" sv="Rapporten saknar antal per indikator: den skrevs, eller slogs samman av en rapport som skrevs, innan tillit räknade dem (rapportformat 3)." en="The report has no indicator counts: it was written, or merged from a report written, before tillit counted them (report format 3)."/>
    <t k="no-indicators" sv="Inga besvarade indikatorer under perioden." en="No indicator answered in the period."/>

    <t k="how-to-read" sv="Så läser du siffrorna" en="How to read these numbers"/>
    <t k="d.session" sv="Utbildningstillfälle i perioden: dess datum ligger i perioden (båda ändarna ingår), det är inte inställt och någon är registrerad vid det." en="Session in the period: its date is in the period (both ends included), it is not cancelled and someone is recorded in it."/>
    <t k="d.attendance" sv="Närvarotillfälle: en deltagare registrerad vid ett tillfälle som närvarande, sen, gick tidigare eller deltog på distans, eller utan status (självstudier har inget upprop). Frånvarande och anmält förhinder räknas inte." en="Attendance: a participant recorded in a session as present, late, leaving early or taking part remotely, or with no status at all (self-study has no roll call). Excused and absent are not attendances."/>
    <t k="d.participants" sv="Deltagare: olika personer med minst ett närvarotillfälle; organisationer: deras olika organisationer." en="Participants: different people with at least one attendance; organisations: their different organisations."/>
    <t k="d.hours" sv="Utbildningstimmar: summan av de avslutade tillfällenas längd. Deltagartimmar: varje avslutat tillfälles längd en gång per närvarotillfälle; för den som kom sent eller gick tidigare och vars minuter utbildaren angav, de minuterna (högst tillfällets längd)." en="Training hours: the sum of the closed sessions' lengths. Participant hours: each closed session's length once per attendance; for someone late or leaving early whose minutes the trainer entered, those minutes (at most the session's length)."/>
    <t k="d.level" sv="Nivå: operativ (möter personerna i arbetet) eller strategisk (leder, planerar, beslutar), som deltagaren registrerades." en="Level: operational (meets the people in their work) or strategic (leads, plans, decides), as the participant was registered."/>
    <t k="d.knowledge" sv="Kunskapsökning: per deltagare och läroplansversion räknas det första avslutade förtestet och det sista avslutade eftertestet, i procent av maxpoängen. Medelökningen är medelvärdet av efter minus före för dem som har båda (par), i procentenheter; andelen som förbättrade sig är de par vars efterresultat är högre än förresultatet. Fördelningen räknar deltagare i fem intervall om 20 procent (det sista 80 till 100)." en="Knowledge gained: per participant and curriculum version, the first finished pre-check and the last finished post-check count, as percent of the maximum score. The mean gain is the mean of after minus before over those who have both (pairs), in percentage points; the share who improved is the pairs whose score after is above the one before. The distribution counts participants in five bands of 20 percent (the last 80 to 100)."/>
    <t k="d.modules" sv="Modul: påbörjad av den som har framsteg i den eller ett avslutat försök på dess test. Slutförd: markerad som klar och, om modulen har ett test, godkänd minst en gång. Andel godkända: deltagare med ett godkänt försök i procent av dem med ett avslutat försök. Medelresultat: medelvärdet av alla avslutade försök." en="Module: started by whoever has progress in it or a finished attempt at its check. Completed: marked complete and, if the module has a check, passed at least once. Pass rate: participants with a passed attempt as percent of those with a finished attempt. Mean score: the mean of all finished attempts."/>
    <t k="d.questions" sv="Frågeanalys: för varje fråga med minst 10 svar i avslutade försök. Andel rätt = rätta svar / svar. Särskiljning = den punktbiseriala korrelationen r mellan att svara rätt (1 eller 0) och försökets poäng på de övriga frågorna: r = (n·Σxy − Σx·Σy) / √((n·Σx − (Σx)²)(n·Σy² − (Σy)²)). Frågan markeras ”se över” när r är under 0,20 eller inte går att beräkna (alla svarade lika)." en="Question analysis: for each question with at least 10 answers in finished attempts. Share right = right answers / answers. Discrimination = the point-biserial correlation r between answering right (1 or 0) and the attempt's score on its other questions: r = (n·Σxy − Σx·Σy) / √((n·Σx − (Σx)²)(n·Σy² − (Σy)²)). A question is marked “review” when r is below 0.20 or cannot be worked out (everyone answered alike)."/>
    <t k="d.checklists" sv="Indikatorlistor: genomgångar som påbörjades i perioden (efter datum i UTC), per lista, månad och bedömning; inga ärendereferenser, svar eller anteckningar lämnar databasen." en="Checklists: runs started in the period (by their UTC date), per checklist, month and outcome; no case reference, answer or note leaves the database."/>
    <t k="d.indicators" sv="Indikatorer: för varje indikator som besvarades i periodens genomgångar, hur många genomgångar svarade ja. Ett antal från 1 till 4 skrivs aldrig ut utan visas som ”färre än 5”. I en sammanslagen rapport adderas verksamheternas celler; en cell som var färre än 5 förblir okänd, så summan visas som ett intervall (”mellan 6 och 9”) i stället för att avslöja ett litet antal." en="Indicators: for each indicator answered in the period's runs, how many runs answered it yes. A count from 1 to 4 is never written out but shown as “fewer than 5”. In a merged report the sites' cells are added up; a cell that was fewer than 5 stays unknown, so the sum is shown as a range (“between 6 and 9”) rather than reveal a small count."/>
    <t k="d.caution" sv="En indikatorlista är ett stöd för den samlade bedömningen och bevisar aldrig människohandel; bakgrundsfakta som fattigdom eller lite svenska är aldrig i sig tecken på brott." en="An indicator checklist is an aid to the overall assessment and never proves trafficking; a background fact such as poverty or little Swedish is never by itself a sign of a crime."/>
    <t k="d.source" sv="Alla definitioner: docs/report-format.md i tillit." en="Every definition: docs/report-format.md in tillit."/>
  </xsl:variable>
  <xsl:variable name="texts" select="exsl:node-set($texts-rtf)/t"/>

  <!-- The text k in the report's language. -->
  <xsl:template name="t">
    <xsl:param name="k"/>
    <xsl:value-of select="$texts[@k = $k]/@*[name() = $L]"/>
  </xsl:template>

  <!-- ===== numbers ===== -->

  <!-- A number in pattern (format-number's, with "." and ","); Swedish
       writes a decimal comma and a space between thousands. -->
  <xsl:template name="num">
    <xsl:param name="v"/>
    <xsl:param name="pattern" select="'#,##0'"/>
    <xsl:choose>
      <xsl:when test="$L = 'sv'"><xsl:value-of select="translate(format-number($v, $pattern), '.,', ', ')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($v, $pattern)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="percent">
    <xsl:param name="v"/>
    <xsl:call-template name="num">
      <xsl:with-param name="v" select="$v"/>
      <xsl:with-param name="pattern" select="'0.0'"/>
    </xsl:call-template>
    <xsl:text> %</xsl:text>
  </xsl:template>

  <!-- part as percent of whole, or a dash when whole is 0. -->
  <xsl:template name="share">
    <xsl:param name="part"/>
    <xsl:param name="whole"/>
    <xsl:choose>
      <xsl:when test="$whole > 0">
        <xsl:call-template name="percent">
          <xsl:with-param name="v" select="100 * $part div $whole"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>–</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- PT<h>H<m>M<s>S as "7 h 30 min". -->
  <xsl:template name="duration">
    <xsl:param name="d"/>
    <xsl:variable name="h" select="substring-before(substring-after($d, 'PT'), 'H')"/>
    <xsl:variable name="m" select="substring-before(substring-after($d, 'H'), 'M')"/>
    <xsl:call-template name="num"><xsl:with-param name="v" select="$h"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:call-template name="t"><xsl:with-param name="k" select="'hours'"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="number($m)"/>
    <xsl:text> </xsl:text>
    <xsl:call-template name="t"><xsl:with-param name="k" select="'minutes'"/></xsl:call-template>
  </xsl:template>

  <!-- ===== the page ===== -->

  <xsl:template match="/">
    <html lang="{$L}">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <title>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'title'"/></xsl:call-template>
        </title>
        <style type="text/css">
          <xsl:call-template name="css"/>
        </style>
      </head>
      <body>
        <xsl:apply-templates select="r:report"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="css">
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1d2330; margin: 0 auto; max-width: 180mm; line-height: 1.4; }
h1 { font-size: 20pt; margin: 0 0 4mm 0; color: #17324d; }
h2 { font-size: 14pt; margin: 7mm 0 3mm 0; color: #17324d; border-bottom: 1.5pt solid #17324d; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm 0; }
p { margin: 1.5mm 0; }
table { border-collapse: collapse; margin: 2mm 0 4mm 0; width: 100%; }
th, td { border-bottom: 0.5pt solid #b8c2cc; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #e8eef4; font-weight: bold; font-size: 9pt; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 1pt solid #17324d; }
table.compact td { padding: 0.5mm 2mm; font-size: 9.5pt; }
.facts td { width: 50%; }
.meta { color: #4a5563; }
.chart { margin: 2mm 0 5mm 0; page-break-inside: avoid; }
.chart p { font-size: 9pt; color: #4a5563; margin: 1mm 0 0 0; }
.chart svg { display: block; width: 100%; height: auto; }
.flag { color: #9b1c1c; font-weight: bold; }
.note { font-size: 9pt; color: #4a5563; }
.part { page-break-before: always; }
.key { display: inline-block; width: 3mm; height: 3mm; margin: 0 1mm 0 3mm; vertical-align: middle; }
.k1 { background: #2f6b9a; } .k2 { background: #e39b2d; }
dl dt { font-weight: bold; margin-top: 2mm; }
dl dd { margin: 0 0 1mm 0; }
@media print { body { max-width: none; } h2 { page-break-after: avoid; } table, .chart { page-break-inside: avoid; } }
  </xsl:template>

  <xsl:template match="r:report">
    <div class="part-first">
      <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'title'"/></xsl:call-template></h1>
      <xsl:call-template name="period-and-sites"/>
      <xsl:call-template name="activities"/>
      <xsl:call-template name="reach"/>
    </div>
    <div class="part">
      <xsl:call-template name="knowledge"/>
    </div>
    <div class="part">
      <xsl:call-template name="months"/>
    </div>
    <div class="part">
      <xsl:call-template name="curricula"/>
      <xsl:call-template name="questions"/>
    </div>
    <div class="part">
      <xsl:call-template name="checklists"/>
      <xsl:call-template name="indicators"/>
    </div>
    <div class="part">
      <xsl:call-template name="how-to-read"/>
    </div>
  </xsl:template>

  <!-- ===== the period and the sites ===== -->

  <xsl:template name="period-and-sites">
    <table class="facts">
      <tr>
        <th><xsl:call-template name="t"><xsl:with-param name="k" select="'period'"/></xsl:call-template></th>
        <td>
          <xsl:choose>
            <xsl:when test="r:period/@from"><xsl:value-of select="r:period/@from"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'open-start'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:text> – </xsl:text>
          <xsl:choose>
            <xsl:when test="r:period/@to"><xsl:value-of select="r:period/@to"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'open-end'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </td>
      </tr>
      <tr>
        <th><xsl:call-template name="t"><xsl:with-param name="k" select="'sites'"/></xsl:call-template></th>
        <td>
          <xsl:choose>
            <xsl:when test="r:sources">
              <xsl:call-template name="t"><xsl:with-param name="k" select="'merged-of'"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:value-of select="count(r:sources/r:source)"/>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'one-site'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </td>
      </tr>
      <tr>
        <th><xsl:call-template name="t"><xsl:with-param name="k" select="'scope'"/></xsl:call-template></th>
        <td>
          <xsl:if test="r:scope/@curriculum">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'curriculum'"/></xsl:call-template>
            <xsl:text>: </xsl:text><xsl:value-of select="r:scope/@curriculum"/><xsl:text> </xsl:text>
          </xsl:if>
          <xsl:if test="r:scope/@organisation">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'organisation'"/></xsl:call-template>
            <xsl:text>: </xsl:text><xsl:value-of select="r:scope/@organisation"/>
          </xsl:if>
          <xsl:if test="not(r:scope/@curriculum) and not(r:scope/@organisation)">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'scope-all'"/></xsl:call-template>
          </xsl:if>
        </td>
      </tr>
      <tr>
        <th><xsl:call-template name="t"><xsl:with-param name="k" select="'generated'"/></xsl:call-template></th>
        <td class="meta">
          <xsl:value-of select="substring(@generated, 1, 10)"/>
          <xsl:text> (</xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'made-by'"/></xsl:call-template>
          <xsl:text> </xsl:text><xsl:value-of select="r:generator/@version"/>
          <xsl:text>)</xsl:text>
        </td>
      </tr>
    </table>
  </xsl:template>

  <!-- ===== activities ===== -->

  <xsl:template name="fact">
    <xsl:param name="k"/>
    <xsl:param name="v"/>
    <tr>
      <td><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template></td>
      <td class="n"><xsl:call-template name="num"><xsl:with-param name="v" select="$v"/></xsl:call-template></td>
    </tr>
  </xsl:template>

  <xsl:template name="activities">
    <xsl:variable name="t" select="r:totals"/>
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'activities'"/></xsl:call-template></h2>
    <table class="facts">
      <xsl:call-template name="fact"><xsl:with-param name="k" select="'sessions'"/><xsl:with-param name="v" select="$t/@sessions"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="k" select="'group-sessions'"/><xsl:with-param name="v" select="$t/@groupSessions"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="k" select="'self-sessions'"/><xsl:with-param name="v" select="$t/@selfStudySessions"/></xsl:call-template>
      <tr>
        <td><xsl:call-template name="t"><xsl:with-param name="k" select="'training-hours'"/></xsl:call-template></td>
        <td class="n"><xsl:call-template name="duration"><xsl:with-param name="d" select="$t/@trainingTime"/></xsl:call-template></td>
      </tr>
      <tr>
        <td><xsl:call-template name="t"><xsl:with-param name="k" select="'participant-hours'"/></xsl:call-template></td>
        <td class="n"><xsl:call-template name="duration"><xsl:with-param name="d" select="$t/@participantTime"/></xsl:call-template></td>
      </tr>
      <tr>
        <td><xsl:call-template name="t"><xsl:with-param name="k" select="'study-time'"/></xsl:call-template></td>
        <td class="n"><xsl:call-template name="duration"><xsl:with-param name="d" select="$t/@studyTime"/></xsl:call-template></td>
      </tr>
      <xsl:call-template name="fact"><xsl:with-param name="k" select="'attendances'"/><xsl:with-param name="v" select="$t/@attendances"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="k" select="'participants'"/><xsl:with-param name="v" select="$t/@participants"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="k" select="'organisations'"/><xsl:with-param name="v" select="$t/@organisations"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="k" select="'checklist-runs'"/><xsl:with-param name="v" select="$t/@checklistRuns"/></xsl:call-template>
    </table>
  </xsl:template>

  <!-- ===== reach: organisation type and level ===== -->

  <xsl:template name="reach">
    <xsl:variable name="groups" select="r:groups/r:group"/>
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'reach'"/></xsl:call-template></h2>
    <table>
      <tr>
        <th><xsl:call-template name="t"><xsl:with-param name="k" select="'org-type'"/></xsl:call-template></th>
        <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'operational'"/></xsl:call-template></th>
        <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'strategic'"/></xsl:call-template></th>
        <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'organisations'"/></xsl:call-template></th>
        <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'attendances'"/></xsl:call-template></th>
      </tr>
      <!-- One row per organisation type, in the order of the first group of each. -->
      <xsl:for-each select="$groups[not(@organisationType = preceding-sibling::r:group/@organisationType)]">
        <xsl:variable name="type" select="@organisationType"/>
        <xsl:variable name="of-type" select="$groups[@organisationType = $type]"/>
        <tr>
          <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('org.', $type)"/></xsl:call-template></td>
          <td class="n"><xsl:value-of select="sum($of-type[@level = 'operational']/@participants)"/></td>
          <td class="n"><xsl:value-of select="sum($of-type[@level = 'strategic']/@participants)"/></td>
          <td class="n"><xsl:value-of select="count(/r:report/r:organisations/r:organisation[@type = $type])"/></td>
          <td class="n"><xsl:value-of select="sum($of-type/@attendances)"/></td>
        </tr>
      </xsl:for-each>
      <tr class="total">
        <td><xsl:call-template name="t"><xsl:with-param name="k" select="'total'"/></xsl:call-template></td>
        <td class="n"><xsl:value-of select="sum($groups[@level = 'operational']/@participants)"/></td>
        <td class="n"><xsl:value-of select="sum($groups[@level = 'strategic']/@participants)"/></td>
        <td class="n"><xsl:value-of select="/r:report/r:totals/@organisations"/></td>
        <td class="n"><xsl:value-of select="sum($groups/@attendances)"/></td>
      </tr>
    </table>
    <xsl:if test="$groups">
      <xsl:call-template name="reach-chart"/>
    </xsl:if>
  </xsl:template>

  <!-- The largest of a set of numbers (0 for none). -->
  <xsl:template name="max">
    <xsl:param name="values"/>
    <xsl:for-each select="$values">
      <xsl:sort select="." data-type="number" order="descending"/>
      <xsl:if test="position() = 1"><xsl:value-of select="number(.)"/></xsl:if>
    </xsl:for-each>
    <xsl:if test="not($values)">0</xsl:if>
  </xsl:template>

  <!-- Horizontal bars: per organisation type, operational and strategic. -->
  <xsl:template name="reach-chart">
    <xsl:variable name="groups" select="r:groups/r:group"/>
    <xsl:variable name="types" select="$groups[not(@organisationType = preceding-sibling::r:group/@organisationType)]"/>
    <xsl:variable name="max">
      <xsl:call-template name="max"><xsl:with-param name="values" select="$groups/@participants"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="row" select="34"/>
    <xsl:variable name="height" select="count($types) * $row + 30"/>
    <div class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 {$height}" width="600" height="{$height}" role="img">
        <title><xsl:call-template name="t"><xsl:with-param name="k" select="'reach-chart'"/></xsl:call-template></title>
        <xsl:for-each select="$types">
          <xsl:variable name="type" select="@organisationType"/>
          <xsl:variable name="y" select="(position() - 1) * $row + 4"/>
          <xsl:variable name="op" select="sum($groups[@organisationType = $type and @level = 'operational']/@participants)"/>
          <xsl:variable name="st" select="sum($groups[@organisationType = $type and @level = 'strategic']/@participants)"/>
          <text x="0" y="{$y + 18}" font-size="11" fill="#1d2330">
            <xsl:call-template name="t"><xsl:with-param name="k" select="concat('org.', $type)"/></xsl:call-template>
          </text>
          <rect x="190" y="{$y + 2}" height="13" width="{round(360 * $op div $max)}" fill="#2f6b9a"/>
          <text x="{194 + round(360 * $op div $max)}" y="{$y + 13}" font-size="10" fill="#1d2330"><xsl:value-of select="$op"/></text>
          <rect x="190" y="{$y + 16}" height="13" width="{round(360 * $st div $max)}" fill="#e39b2d"/>
          <text x="{194 + round(360 * $st div $max)}" y="{$y + 27}" font-size="10" fill="#1d2330"><xsl:value-of select="$st"/></text>
        </xsl:for-each>
        <line x1="190" y1="0" x2="190" y2="{$height - 26}" stroke="#1d2330" stroke-width="1"/>
        <rect x="190" y="{$height - 16}" width="10" height="10" fill="#2f6b9a"/>
        <text x="204" y="{$height - 7}" font-size="10" fill="#1d2330"><xsl:call-template name="t"><xsl:with-param name="k" select="'operational'"/></xsl:call-template></text>
        <rect x="370" y="{$height - 16}" width="10" height="10" fill="#e39b2d"/>
        <text x="384" y="{$height - 7}" font-size="10" fill="#1d2330"><xsl:call-template name="t"><xsl:with-param name="k" select="'strategic'"/></xsl:call-template></text>
      </svg>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'reach-chart'"/></xsl:call-template></p>
    </div>
  </xsl:template>

  <!-- ===== knowledge gained ===== -->

  <xsl:template name="knowledge">
    <xsl:variable name="k" select="r:curricula/r:curriculum/r:knowledge"/>
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'knowledge'"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="sum($k/@preChecks) + sum($k/@postChecks) = 0">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'no-checks'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise>
        <table>
          <tr>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'curriculum'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'pre-checks'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'pre-mean'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'post-checks'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'post-mean'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'gain'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'improved'"/></xsl:call-template></th>
          </tr>
          <xsl:for-each select="r:curricula/r:curriculum[r:knowledge/@preChecks > 0 or r:knowledge/@postChecks > 0]">
            <xsl:variable name="c" select="r:knowledge"/>
            <tr>
              <td><xsl:value-of select="@id"/><xsl:text> </xsl:text><span class="meta"><xsl:call-template name="t"><xsl:with-param name="k" select="'version'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@version"/></span></td>
              <td class="n"><xsl:value-of select="$c/@preChecks"/></td>
              <td class="n"><xsl:if test="$c/@preMean"><xsl:call-template name="percent"><xsl:with-param name="v" select="$c/@preMean"/></xsl:call-template></xsl:if></td>
              <td class="n"><xsl:value-of select="$c/@postChecks"/></td>
              <td class="n"><xsl:if test="$c/@postMean"><xsl:call-template name="percent"><xsl:with-param name="v" select="$c/@postMean"/></xsl:call-template></xsl:if></td>
              <td class="n">
                <xsl:if test="$c/@meanGain">
                  <xsl:call-template name="num"><xsl:with-param name="v" select="$c/@meanGain"/><xsl:with-param name="pattern" select="'+0.0;−0.0'"/></xsl:call-template>
                </xsl:if>
              </td>
              <td class="n">
                <!-- a report before format 3 does not say who improved -->
                <xsl:call-template name="share"><xsl:with-param name="part" select="$c/@improved"/><xsl:with-param name="whole" select="$c/@pairs * boolean($c/@improved)"/></xsl:call-template>
                <xsl:if test="$c/@pairs > 0 and $c/@improved"><xsl:text> (</xsl:text><xsl:value-of select="$c/@improved"/>/<xsl:value-of select="$c/@pairs"/><xsl:text>)</xsl:text></xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </table>
        <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'gain'"/></xsl:call-template>: <xsl:call-template name="t"><xsl:with-param name="k" select="'points'"/></xsl:call-template>.</p>
        <xsl:if test="r:curricula/r:curriculum/r:knowledge/r:band">
          <xsl:call-template name="distribution-chart"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Participants per score band, before and after, over every curriculum. -->
  <xsl:template name="distribution-chart">
    <xsl:variable name="bands" select="r:curricula/r:curriculum/r:knowledge/r:band"/>
    <xsl:variable name="max-pre">
      <xsl:call-template name="band-max"><xsl:with-param name="bands" select="$bands"/><xsl:with-param name="which" select="'pre'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="max-post">
      <xsl:call-template name="band-max"><xsl:with-param name="bands" select="$bands"/><xsl:with-param name="which" select="'post'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="max" select="($max-pre > $max-post) * $max-pre + not($max-pre > $max-post) * $max-post"/>
    <div class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 220" width="600" height="220" role="img">
        <title><xsl:call-template name="t"><xsl:with-param name="k" select="'distribution'"/></xsl:call-template></title>
        <line x1="40" y1="170" x2="590" y2="170" stroke="#1d2330" stroke-width="1"/>
        <xsl:for-each select="$bands[not(@from = preceding::r:band[ancestor::r:curricula]/@from)]">
          <xsl:sort select="@from" data-type="number"/>
          <xsl:variable name="from" select="@from"/>
          <xsl:variable name="pre" select="sum($bands[@from = $from]/@pre)"/>
          <xsl:variable name="post" select="sum($bands[@from = $from]/@post)"/>
          <xsl:variable name="x" select="50 + (position() - 1) * 108"/>
          <xsl:variable name="hpre" select="round(140 * $pre div ($max + ($max = 0)))"/>
          <xsl:variable name="hpost" select="round(140 * $post div ($max + ($max = 0)))"/>
          <rect x="{$x}" y="{170 - $hpre}" width="40" height="{$hpre}" fill="#2f6b9a"/>
          <text x="{$x + 20}" y="{165 - $hpre}" font-size="10" text-anchor="middle" fill="#1d2330"><xsl:value-of select="$pre"/></text>
          <rect x="{$x + 44}" y="{170 - $hpost}" width="40" height="{$hpost}" fill="#e39b2d"/>
          <text x="{$x + 64}" y="{165 - $hpost}" font-size="10" text-anchor="middle" fill="#1d2330"><xsl:value-of select="$post"/></text>
          <text x="{$x + 42}" y="186" font-size="10" text-anchor="middle" fill="#1d2330">
            <xsl:value-of select="$from"/>–<xsl:value-of select="$from + 19 + ($from = 80)"/><xsl:text> %</xsl:text>
          </text>
        </xsl:for-each>
        <rect x="50" y="200" width="10" height="10" fill="#2f6b9a"/>
        <text x="64" y="209" font-size="10" fill="#1d2330"><xsl:call-template name="t"><xsl:with-param name="k" select="'before'"/></xsl:call-template></text>
        <rect x="200" y="200" width="10" height="10" fill="#e39b2d"/>
        <text x="214" y="209" font-size="10" fill="#1d2330"><xsl:call-template name="t"><xsl:with-param name="k" select="'after'"/></xsl:call-template></text>
      </svg>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'distribution'"/></xsl:call-template></p>
    </div>
  </xsl:template>

  <!-- The largest band total (pre or post) over the curricula. -->
  <xsl:template name="band-max">
    <xsl:param name="bands"/>
    <xsl:param name="which"/>
    <xsl:variable name="totals-rtf">
      <xsl:for-each select="$bands[not(@from = preceding::r:band[ancestor::r:curricula]/@from)]">
        <xsl:variable name="from" select="@from"/>
        <v><xsl:value-of select="sum($bands[@from = $from]/@*[name() = $which])"/></v>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="max"><xsl:with-param name="values" select="exsl:node-set($totals-rtf)/v"/></xsl:call-template>
  </xsl:template>

  <!-- ===== attendances per month, every month of the period ===== -->

  <!-- YYYY-MM as a month number (year * 12 + month - 1) and back. -->
  <xsl:template name="month-index">
    <xsl:param name="m"/>
    <xsl:value-of select="number(substring($m, 1, 4)) * 12 + number(substring($m, 6, 2)) - 1"/>
  </xsl:template>

  <xsl:template name="months">
    <xsl:variable name="months" select="r:months/r:month"/>
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'months'"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="not($months)">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'no-months'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="data-first"><xsl:call-template name="month-index"><xsl:with-param name="m" select="$months[1]/@month"/></xsl:call-template></xsl:variable>
        <xsl:variable name="data-last"><xsl:call-template name="month-index"><xsl:with-param name="m" select="$months[last()]/@month"/></xsl:call-template></xsl:variable>
        <xsl:variable name="period-first">
          <xsl:choose>
            <xsl:when test="r:period/@from"><xsl:call-template name="month-index"><xsl:with-param name="m" select="r:period/@from"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:value-of select="$data-first"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="period-last">
          <xsl:choose>
            <xsl:when test="r:period/@to"><xsl:call-template name="month-index"><xsl:with-param name="m" select="r:period/@to"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:value-of select="$data-last"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <!-- A period of more than ten years shows the months that have sessions and those between. -->
        <xsl:variable name="wide" select="$period-last - $period-first >= 120"/>
        <xsl:variable name="first" select="$wide * $data-first + not($wide) * $period-first"/>
        <xsl:variable name="last" select="$wide * $data-last + not($wide) * $period-last"/>
        <xsl:variable name="all-rtf">
          <xsl:call-template name="month-rows">
            <xsl:with-param name="i" select="$first"/>
            <xsl:with-param name="last" select="$last"/>
            <xsl:with-param name="months" select="$months"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="all" select="exsl:node-set($all-rtf)/m"/>
        <xsl:call-template name="month-chart"><xsl:with-param name="all" select="$all"/></xsl:call-template>
        <table class="compact">
          <tr>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'month'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'sessions'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'attendances'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'participants'"/></xsl:call-template></th>
          </tr>
          <xsl:for-each select="$all">
            <tr>
              <td><xsl:value-of select="@month"/></td>
              <td class="n"><xsl:value-of select="@sessions"/></td>
              <td class="n"><xsl:value-of select="@attendances"/></td>
              <td class="n"><xsl:value-of select="@participants"/></td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One <m> per month from i to last, with the report's figures or 0. -->
  <xsl:template name="month-rows">
    <xsl:param name="i"/>
    <xsl:param name="last"/>
    <xsl:param name="months"/>
    <xsl:if test="$i &lt;= $last">
      <xsl:variable name="name" select="concat(format-number(floor($i div 12), '0000'), '-', format-number($i mod 12 + 1, '00'))"/>
      <xsl:variable name="row" select="$months[@month = $name]"/>
      <m month="{$name}" sessions="{sum($row/@sessions)}" attendances="{sum($row/@attendances)}" participants="{sum($row/@participants)}"/>
      <xsl:call-template name="month-rows">
        <xsl:with-param name="i" select="$i + 1"/>
        <xsl:with-param name="last" select="$last"/>
        <xsl:with-param name="months" select="$months"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="month-chart">
    <xsl:param name="all"/>
    <xsl:variable name="max">
      <xsl:call-template name="max"><xsl:with-param name="values" select="$all/@attendances"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="n" select="count($all)"/>
    <xsl:variable name="step" select="550 div $n"/>
    <div class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 200" width="600" height="200" role="img">
        <title><xsl:call-template name="t"><xsl:with-param name="k" select="'months-chart'"/></xsl:call-template></title>
        <line x1="40" y1="160" x2="595" y2="160" stroke="#1d2330" stroke-width="1"/>
        <xsl:for-each select="$all">
          <xsl:variable name="h" select="round(130 * @attendances div ($max + ($max = 0)))"/>
          <xsl:variable name="x" select="format-number(42 + (position() - 1) * $step, '0.0')"/>
          <rect x="{$x}" y="{160 - $h}" width="{format-number($step * 0.7, '0.0')}" height="{$h}" fill="#2f6b9a"/>
          <xsl:if test="@attendances > 0">
            <text x="{format-number($x + $step * 0.35, '0.0')}" y="{155 - $h}" font-size="9" text-anchor="middle" fill="#1d2330"><xsl:value-of select="@attendances"/></text>
          </xsl:if>
          <!-- Every month's label when they fit, else every third. -->
          <xsl:if test="$n &lt;= 24 or position() mod 3 = 1">
            <text x="{format-number($x + $step * 0.35, '0.0')}" y="174" font-size="8" text-anchor="middle" fill="#1d2330"><xsl:value-of select="substring(@month, 6, 2)"/></text>
          </xsl:if>
          <xsl:if test="position() = 1 or substring(@month, 6, 2) = '01'">
            <text x="{$x}" y="190" font-size="9" fill="#1d2330"><xsl:value-of select="substring(@month, 1, 4)"/></text>
          </xsl:if>
        </xsl:for-each>
      </svg>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'months-chart'"/></xsl:call-template></p>
    </div>
  </xsl:template>

  <!-- ===== curricula and modules ===== -->

  <xsl:template name="curricula">
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'curricula'"/></xsl:call-template></h2>
    <xsl:if test="not(r:curricula/r:curriculum)">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'no-curricula'"/></xsl:call-template></p>
    </xsl:if>
    <xsl:for-each select="r:curricula/r:curriculum">
      <h3>
        <xsl:value-of select="@id"/><xsl:text> </xsl:text>
        <span class="meta"><xsl:call-template name="t"><xsl:with-param name="k" select="'version'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@version"/></span>
      </h3>
      <p>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'sessions'"/></xsl:call-template>: <xsl:value-of select="@sessions"/>,
        <xsl:call-template name="t"><xsl:with-param name="k" select="'participants'"/></xsl:call-template>: <xsl:value-of select="@participants"/>,
        <xsl:call-template name="t"><xsl:with-param name="k" select="'attendances'"/></xsl:call-template>: <xsl:value-of select="@attendances"/>
      </p>
      <xsl:if test="not(r:module)">
        <p class="meta"><xsl:call-template name="t"><xsl:with-param name="k" select="'no-modules'"/></xsl:call-template></p>
      </xsl:if>
      <table>
        <xsl:if test="not(r:module)"><xsl:attribute name="style">display: none</xsl:attribute></xsl:if>
        <tr>
          <th><xsl:call-template name="t"><xsl:with-param name="k" select="'module'"/></xsl:call-template></th>
          <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'started'"/></xsl:call-template></th>
          <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'completions'"/></xsl:call-template></th>
          <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion-rate'"/></xsl:call-template></th>
          <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'check-takers'"/></xsl:call-template></th>
          <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'pass-rate'"/></xsl:call-template></th>
          <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'mean-score'"/></xsl:call-template></th>
        </tr>
        <xsl:for-each select="r:module">
          <tr>
            <td><xsl:value-of select="@id"/></td>
            <td class="n"><xsl:value-of select="@participants"/></td>
            <td class="n"><xsl:value-of select="@completions"/></td>
            <td class="n"><xsl:call-template name="share"><xsl:with-param name="part" select="@completions"/><xsl:with-param name="whole" select="@participants"/></xsl:call-template></td>
            <xsl:choose>
              <xsl:when test="@hasCheck = 'true'">
                <td class="n"><xsl:value-of select="@checkTakers"/></td>
                <td class="n"><xsl:if test="@passRate"><xsl:call-template name="percent"><xsl:with-param name="v" select="@passRate"/></xsl:call-template></xsl:if></td>
                <td class="n"><xsl:if test="@meanScore"><xsl:call-template name="percent"><xsl:with-param name="v" select="@meanScore"/></xsl:call-template></xsl:if></td>
              </xsl:when>
              <xsl:otherwise>
                <td class="n meta" colspan="3"><xsl:call-template name="t"><xsl:with-param name="k" select="'no-check'"/></xsl:call-template></td>
              </xsl:otherwise>
            </xsl:choose>
          </tr>
        </xsl:for-each>
      </table>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== question analysis ===== -->

  <xsl:template name="questions">
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'questions'"/></xsl:call-template></h2>
    <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'questions-intro'"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="not(r:questions)">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'older-format-questions'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:when test="not(r:questions/r:question)">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'no-questions'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise>
        <table>
          <tr>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'curriculum'"/></xsl:call-template></th>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'check'"/></xsl:call-template></th>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'question'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'answers'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'difficulty'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'discrimination'"/></xsl:call-template></th>
            <th></th>
          </tr>
          <xsl:for-each select="r:questions/r:question">
            <tr>
              <td><xsl:value-of select="@curriculum"/><xsl:text> </xsl:text><xsl:value-of select="@curriculumVersion"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@check = 'pre_post'"><xsl:call-template name="t"><xsl:with-param name="k" select="'pre-post'"/></xsl:call-template></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@check"/></xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:value-of select="@id"/></td>
              <td class="n"><xsl:value-of select="@answers"/></td>
              <td class="n"><xsl:call-template name="percent"><xsl:with-param name="v" select="@difficulty"/></xsl:call-template></td>
              <td class="n">
                <xsl:choose>
                  <xsl:when test="@discrimination"><xsl:call-template name="num"><xsl:with-param name="v" select="@discrimination"/><xsl:with-param name="pattern" select="'0.00;−0.00'"/></xsl:call-template></xsl:when>
                  <xsl:otherwise><span class="meta"><xsl:call-template name="t"><xsl:with-param name="k" select="'not-defined'"/></xsl:call-template></span></xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:if test="@review = 'true'"><span class="flag"><xsl:call-template name="t"><xsl:with-param name="k" select="'review'"/></xsl:call-template></span></xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== checklist use ===== -->

  <xsl:template name="checklists">
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'checklists'"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="not(r:checklistUse/r:checklist)">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'no-runs'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="runs-chart"/>
        <table>
          <tr>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'checklist'"/></xsl:call-template></th>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'month'"/></xsl:call-template></th>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'outcome'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'runs'"/></xsl:call-template></th>
          </tr>
          <xsl:for-each select="r:checklistUse/r:checklist/r:month/*">
            <tr>
              <td><xsl:value-of select="../../@id"/></td>
              <td><xsl:value-of select="../@month"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="self::r:notAssessed"><span class="meta"><xsl:call-template name="t"><xsl:with-param name="k" select="'not-assessed'"/></xsl:call-template></span></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
                </xsl:choose>
              </td>
              <td class="n"><xsl:value-of select="@runs"/></td>
            </tr>
          </xsl:for-each>
          <tr class="total">
            <td colspan="3"><xsl:call-template name="t"><xsl:with-param name="k" select="'total'"/></xsl:call-template></td>
            <td class="n"><xsl:value-of select="sum(r:checklistUse/r:checklist/@runs)"/></td>
          </tr>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Runs per month over every checklist, the months with runs. -->
  <xsl:template name="runs-chart">
    <xsl:variable name="cells" select="r:checklistUse/r:checklist/r:month"/>
    <xsl:variable name="totals-rtf">
      <xsl:for-each select="$cells[not(@month = preceding::r:month[parent::r:checklist]/@month)]">
        <xsl:sort select="@month"/>
        <xsl:variable name="m" select="@month"/>
        <v month="{$m}"><xsl:value-of select="sum($cells[@month = $m]/@runs)"/></v>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="totals" select="exsl:node-set($totals-rtf)/v"/>
    <xsl:variable name="max"><xsl:call-template name="max"><xsl:with-param name="values" select="$totals"/></xsl:call-template></xsl:variable>
    <xsl:variable name="n" select="count($totals)"/>
    <xsl:variable name="step" select="550 div ($n + ($n &lt; 6) * (6 - $n))"/>
    <div class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 180" width="600" height="180" role="img">
        <title><xsl:call-template name="t"><xsl:with-param name="k" select="'runs-chart'"/></xsl:call-template></title>
        <line x1="40" y1="150" x2="595" y2="150" stroke="#1d2330" stroke-width="1"/>
        <xsl:for-each select="$totals">
          <xsl:variable name="h" select="round(120 * . div ($max + ($max = 0)))"/>
          <xsl:variable name="x" select="format-number(42 + (position() - 1) * $step, '0.0')"/>
          <rect x="{$x}" y="{150 - $h}" width="{format-number($step * 0.7, '0.0')}" height="{$h}" fill="#6a4c93"/>
          <text x="{format-number($x + $step * 0.35, '0.0')}" y="{145 - $h}" font-size="9" text-anchor="middle" fill="#1d2330"><xsl:value-of select="."/></text>
          <text x="{format-number($x + $step * 0.35, '0.0')}" y="165" font-size="8" text-anchor="middle" fill="#1d2330"><xsl:value-of select="@month"/></text>
        </xsl:for-each>
      </svg>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'runs-chart'"/></xsl:call-template></p>
    </div>
  </xsl:template>

  <!-- ===== indicator counts ===== -->

  <!-- A protected count: a number, "fewer than 5", or a range. -->
  <xsl:template name="protected">
    <xsl:param name="yes"/>
    <xsl:param name="small"/>
    <xsl:choose>
      <xsl:when test="not($small > 0)"><xsl:value-of select="$yes"/></xsl:when>
      <xsl:when test="$yes = 0 and $small = 1"><xsl:call-template name="t"><xsl:with-param name="k" select="'fewer-than-5'"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'between'"/></xsl:call-template>
        <xsl:text> </xsl:text><xsl:value-of select="$yes + $small"/><xsl:text> </xsl:text>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'and'"/></xsl:call-template>
        <xsl:text> </xsl:text><xsl:value-of select="$yes + 4 * $small"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="indicators">
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'indicators'"/></xsl:call-template></h2>
    <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'indicators-intro'"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="not(r:indicators)">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'older-format-indicators'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:when test="not(r:indicators/r:checklist)">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'no-indicators'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise>
        <table>
          <tr>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'checklist'"/></xsl:call-template></th>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'indicator'"/></xsl:call-template></th>
            <th class="n"><xsl:call-template name="t"><xsl:with-param name="k" select="'yes'"/></xsl:call-template></th>
          </tr>
          <xsl:for-each select="r:indicators/r:checklist/r:indicator">
            <tr>
              <td><xsl:value-of select="../@id"/></td>
              <td><xsl:value-of select="@id"/></td>
              <td class="n">
                <xsl:call-template name="protected">
                  <xsl:with-param name="yes" select="@yes"/>
                  <xsl:with-param name="small" select="number(concat('0', @smallCells))"/>
                </xsl:call-template>
              </td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== how to read these numbers ===== -->

  <xsl:template name="how-to-read">
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'how-to-read'"/></xsl:call-template></h2>
    <xsl:for-each select="$texts[starts-with(@k, 'd.')]">
      <p><xsl:value-of select="@*[name() = $L]"/></p>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
