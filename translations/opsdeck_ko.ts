<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>not found (install kate-syntax-highlighter)</source>
        <translation>찾을 수 없음 (kate-syntax-highlighter를 설치하세요)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>About OpsDeck</source>
        <translation>OpsDeck 정보</translation>
    </message>
    <message>
        <source>OpsDeck</source>
        <translation>OpsDeck</translation>
    </message>
    <message>
        <source>An operations console for on-call engineers: KPIs, health checks, checklists, incidents and runbooks.</source>
        <translation>온콜 엔지니어를 위한 운영 콘솔: KPI, 상태 점검, 체크리스트, 장애 대응, 런북.</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>KDE syntax highlighter</source>
        <translation>KDE 구문 강조기</translation>
    </message>
</context>
<context>
    <name>AckCommand</name>
    <message>
        <source>the incident is given by its number (as in #12), got &quot;%1&quot;</source>
        <translation>장애는 번호로 지정합니다(예: #12). 받은 값: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: the workspace is not valid; nothing was acknowledged</source>
        <translation>%1: 워크스페이스가 올바르지 않습니다. 아무것도 인지 처리하지 않았습니다</translation>
    </message>
    <message>
        <source>cannot open the database %1: %2; nothing was acknowledged</source>
        <translation>데이터베이스 %1을(를) 열 수 없습니다: %2. 아무것도 인지 처리하지 않았습니다</translation>
    </message>
    <message>
        <source>no operator name: give one with --by NAME</source>
        <translation>운영자 이름 없음: --by NAME으로 지정하세요</translation>
    </message>
    <message>
        <source>Acknowledging the incident %1</source>
        <translation>장애 %1 인지 처리</translation>
    </message>
    <message>
        <source>the acknowledgement could not be saved: %1</source>
        <translation>인지 처리를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Incident %1 (%2) acknowledged by %3; its escalation stops.</source>
        <translation>장애 %1 (%2)을(를) %3이(가) 인지했습니다. 에스컬레이션이 멈춥니다.</translation>
    </message>
    <message>
        <source>PagerDuty (%1) was not told: this workspace version is not trusted to send its secrets yet (opsdeck trust); the console that escalates tells it once it is</source>
        <translation>PagerDuty(%1)에 알리지 않았습니다: 이 버전의 워크스페이스는 아직 비밀 값을 보내도록 신뢰되지 않았습니다(opsdeck trust). 신뢰되면 에스컬레이션 중인 콘솔이 알립니다</translation>
    </message>
    <message>
        <source>acknowledgement sent to %1</source>
        <translation>%1에 인지 알림을 보냈습니다</translation>
    </message>
    <message>
        <source>Recording the acknowledgement of incident %1 to %2</source>
        <translation>장애 %1의 %2 인지 알림 기록</translation>
    </message>
    <message>
        <source>PagerDuty (%1) was not told: %2</source>
        <translation>PagerDuty(%1)에 알리지 않았습니다: %2</translation>
    </message>
    <message>
        <source>PagerDuty (%1) told: acknowledged.</source>
        <translation>PagerDuty(%1)에 알렸습니다: 인지됨.</translation>
    </message>
    <message>
        <source>PagerDuty (%1) could not be told: %2</source>
        <translation>PagerDuty(%1)에 알리지 못했습니다: %2</translation>
    </message>
</context>
<context>
    <name>ActionItemModel</name>
    <message>
        <source>Open</source>
        <translation>미착수</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>(new action item)</source>
        <translation>(새 후속 조치)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>조치</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>no action item in row %1</source>
        <translation>%1행에는 조치 항목이 없습니다</translation>
    </message>
</context>
<context>
    <name>AgentCommand</name>
    <message>
        <source>the workspace&apos;s commands (%1) are allowed by --yes</source>
        <translation>워크스페이스의 명령(%1)을 --yes로 허용합니다</translation>
    </message>
    <message>
        <source>commands allowed by --yes</source>
        <translation>--yes로 명령 허용</translation>
    </message>
    <message>
        <source>the workspace&apos;s commands are not allowed: the agent asks nobody; start it with --yes to allow them</source>
        <translation>워크스페이스의 명령을 허용하지 않습니다: 에이전트는 아무에게도 묻지 않습니다. 허용하려면 --yes로 시작하세요</translation>
    </message>
    <message>
        <source>%1 did not load; the agent stops</source>
        <translation>%1을(를) 불러오지 못해 에이전트를 멈춥니다</translation>
    </message>
    <message>
        <source>%1 did not load; the agent keeps watching with the last good version</source>
        <translation>%1을(를) 불러오지 못했습니다. 에이전트는 마지막으로 올바른 버전으로 계속 감시합니다</translation>
    </message>
    <message>
        <source>endpoint %1: %2 -&gt; %3</source>
        <translation>엔드포인트 %1: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>, HTTP %1</source>
        <translation>, HTTP %1</translation>
    </message>
    <message>
        <source>KPI %1: %2 -&gt; %3 (%4)</source>
        <translation>KPI %1: %2 -&gt; %3 (%4)</translation>
    </message>
    <message>
        <source>held back by the rate limit</source>
        <translation>전송 빈도 제한으로 보류됨</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>notification %1 via %2 (%3): %4</source>
        <translation>알림 %1, 경로 %2 (%3): %4</translation>
    </message>
    <message>
        <source>incident %1 opened: %2</source>
        <translation>인시던트 %1 열림: %2</translation>
    </message>
    <message>
        <source>checklist %1 is overdue</source>
        <translation>체크리스트 %1이(가) 기한을 넘겼습니다</translation>
    </message>
    <message>
        <source>storage %1 open (schema %2)</source>
        <translation>저장소 %1 열림 (스키마 %2)</translation>
    </message>
    <message>
        <source>storage did not open: %1</source>
        <translation>저장소를 열지 못했습니다: %1</translation>
    </message>
    <message>
        <source>team database reachable again</source>
        <translation>팀 데이터베이스에 다시 연결됨</translation>
    </message>
    <message>
        <source>team database unreachable: %1</source>
        <translation>팀 데이터베이스에 연결할 수 없음: %1</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>%1에서 수신할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>serving /metrics, /healthz and /readyz to the network on %1, without authentication</source>
        <translation>/metrics, /healthz, /readyz를 인증 없이 네트워크(%1)에 제공합니다</translation>
    </message>
    <message>
        <source>serving /metrics, /healthz and /readyz on %1 port %2</source>
        <translation>/metrics, /healthz, /readyz를 %1 포트 %2에서 제공합니다</translation>
    </message>
    <message>
        <source>watching %1%2</source>
        <translation>%1 감시 중%2</translation>
    </message>
    <message>
        <source> from location %1</source>
        <translation> (위치 %1)</translation>
    </message>
    <message>
        <source>workspace %1 loaded: %2 endpoints, %3 KPIs, %4 checklists, %5 notification routes; storage %6</source>
        <translation>워크스페이스 %1 불러옴: 엔드포인트 %2개, KPI %3개, 체크리스트 %4개, 알림 경로 %5개; 저장소 %6</translation>
    </message>
    <message>
        <source>reloading %1 (SIGHUP)</source>
        <translation>%1 다시 불러오는 중 (SIGHUP)</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>멈추는 중</translation>
    </message>
    <message>
        <source>stopped in %1 ms</source>
        <translation>%1 ms 만에 멈춤</translation>
    </message>
    <message>
        <source>%1: not valid; the agent would not start</source>
        <translation>%1: 올바르지 않습니다. 에이전트가 시작되지 않습니다</translation>
    </message>
    <message>
        <source>workspace: %1 (%2)</source>
        <translation>워크스페이스: %1 (%2)</translation>
    </message>
    <message>
        <source>storage: %1</source>
        <translation>저장소: %1</translation>
    </message>
    <message>
        <source>location: %1</source>
        <translation>위치: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>listen: %1</source>
        <translation>수신: %1</translation>
    </message>
    <message>
        <source>(off)</source>
        <translation>(꺼짐)</translation>
    </message>
    <message>
        <source>commands: %1</source>
        <translation>명령: %1</translation>
    </message>
    <message>
        <source>allowed (--yes)</source>
        <translation>허용 (--yes)</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>허용 안 함</translation>
    </message>
    <message>
        <source>probe %1 every %2: %3</source>
        <translation>프로브 %1, %2마다: %3</translation>
    </message>
    <message>
        <source>KPI %1 every %2</source>
        <translation>KPI %1, %2마다</translation>
    </message>
    <message>
        <source>%1 checklists, %2 notification providers, %3 notification routes, %4 secrets</source>
        <translation>체크리스트 %1개, 알림 제공자 %2개, 알림 경로 %3개, 비밀 값 %4개</translation>
    </message>
    <message>
        <source>%1: OK</source>
        <translation>%1: 정상</translation>
    </message>
    <message>
        <source>the default location</source>
        <translation>기본 위치</translation>
    </message>
    <message>
        <source>probing for %1 as %2</source>
        <translation>%1 위치를 %2(으)로 검사하는 중</translation>
    </message>
    <message>
        <source>another agent or console probes for %1; following its results</source>
        <translation>다른 에이전트나 콘솔이 %1 위치를 검사합니다. 그 결과를 따릅니다</translation>
    </message>
</context>
<context>
    <name>AlertModel</name>
    <message>
        <source>Since %1</source>
        <translation>%1부터</translation>
    </message>
    <message>
        <source>Silenced</source>
        <translation>사일런스됨</translation>
    </message>
</context>
<context>
    <name>AlertStrip</name>
    <message>
        <source>Alerts: no Alertmanager in this workspace</source>
        <translation>알림: 이 워크스페이스에 Alertmanager가 없음</translation>
    </message>
    <message>
        <source>Alerts: none firing</source>
        <translation>알림: 발생 중인 알림 없음</translation>
    </message>
    <message numerus="yes">
        <source>Alerts: %n firing</source>
        <translation>
            <numerusform>알림: %n건 발생 중</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n silenced</source>
        <translation>
            <numerusform>사일런스 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Alertmanager unreachable</source>
        <translation>Alertmanager에 연결할 수 없음</translation>
    </message>
    <message>
        <source>Expire silence</source>
        <translation>사일런스 만료</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>사일런스…</translation>
    </message>
</context>
<context>
    <name>AlertmanagerClient</name>
    <message>
        <source>not an Alertmanager API v2 answer: %1</source>
        <translation>Alertmanager API v2 응답이 아닙니다: %1</translation>
    </message>
    <message>
        <source>expected a JSON array</source>
        <translation>JSON 배열이 필요합니다</translation>
    </message>
    <message>
        <source>the workspace sets no sources.alertmanager.url</source>
        <translation>워크스페이스에 sources.alertmanager.url이 설정되지 않았습니다</translation>
    </message>
    <message>
        <source>no answer from Alertmanager</source>
        <translation>Alertmanager에서 응답이 없습니다</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Alertmanager did not return a silence id</source>
        <translation>Alertmanager가 사일런스 ID를 반환하지 않았습니다</translation>
    </message>
    <message>
        <source>waiting for trust: this workspace version is not trusted to send its secrets to Alertmanager; nothing was sent</source>
        <translation>신뢰 대기 중: 이 버전의 워크스페이스는 Alertmanager로 비밀 값을 보내도록 신뢰되지 않았습니다. 아무것도 보내지 않았습니다</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>the last workspace %1 no longer exists; opening the demo</source>
        <translation>마지막 워크스페이스 %1이(가) 더 이상 없어 데모를 엽니다</translation>
    </message>
    <message>
        <source>%1 (schema version %2)</source>
        <translation>%1 (스키마 버전 %2)</translation>
    </message>
    <message>
        <source>cannot open the database: %1</source>
        <translation>데이터베이스를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The demo service could not be started: %1</source>
        <translation>데모 서비스를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Demo unavailable</source>
        <translation>데모를 사용할 수 없음</translation>
    </message>
    <message>
        <source>Checklist late</source>
        <translation>체크리스트 지연</translation>
    </message>
    <message>
        <source>%1 was due at %2 and is not signed off</source>
        <translation>%1의 기한(%2)이 지났지만 아직 서명되지 않았습니다</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>장애 등록</translation>
    </message>
    <message>
        <source>Silence not created</source>
        <translation>사일런스가 생성되지 않음</translation>
    </message>
    <message>
        <source>Alertmanager refused the silence: %1</source>
        <translation>Alertmanager가 사일런스를 거부했습니다: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Silence not expired</source>
        <translation>사일런스를 만료하지 못함</translation>
    </message>
    <message>
        <source>Alertmanager refused to expire silence %1: %2</source>
        <translation>Alertmanager가 사일런스 %1 만료를 거부했습니다: %2</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>확인 필요</translation>
    </message>
</context>
<context>
    <name>AutoIncidentRules</name>
    <message>
        <source>Opened by rule %1: %2 CRITICAL for %3</source>
        <translation>규칙 %1이(가) 열었습니다: %2이(가) %3 동안 위험</translation>
    </message>
    <message>
        <source>Opened automatically by rule %1</source>
        <translation>규칙 %1이(가) 자동으로 열었습니다</translation>
    </message>
    <message>
        <source>%1 CRITICAL for %2: added to this incident by rule %3</source>
        <translation>%1이(가) %2 동안 위험: 규칙 %3이(가) 이 장애에 추가했습니다</translation>
    </message>
    <message>
        <source>Everything rule %1 watches is OK again: consider resolving this incident</source>
        <translation>규칙 %1이(가) 감시하는 대상이 모두 다시 정상입니다: 이 장애의 해결을 검토하세요</translation>
    </message>
    <message>
        <source>Opened by rule %1 for the root cause %2 (CRITICAL); impacted: %3</source>
        <translation>규칙 %1이(가) 근본 원인 %2(위험)에 대해 열었습니다. 영향받는 항목: %3</translation>
    </message>
    <message>
        <source>%1 CRITICAL, impacted by %2: listed here by rule %3 instead of an incident of its own</source>
        <translation>%1 위험, %2의 영향: 별도 인시던트 대신 규칙 %3이(가) 여기에 기록했습니다</translation>
    </message>
    <message>
        <source>Opened automatically by rule %1 for the root cause %2</source>
        <translation>규칙 %1이(가) 근본 원인 %2에 대해 자동으로 열었습니다</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>No data in this range yet.</source>
        <translation>이 범위에는 아직 데이터가 없습니다.</translation>
    </message>
    <message>
        <source>The chart could not be loaded: %1</source>
        <translation>차트를 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>No KPI selected</source>
        <translation>선택된 KPI 없음</translation>
    </message>
    <message>
        <source>Drag to zoom into a time span; +/- zoom, arrow keys pan, 0 resets.</source>
        <translation>드래그하여 시간 구간을 확대합니다. +/-로 확대·축소, 화살표 키로 이동, 0으로 초기화합니다.</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>OK</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>MAINTENANCE</source>
        <translation>유지보수</translation>
    </message>
    <message>
        <source>PENDING</source>
        <translation>보류</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>위험</translation>
    </message>
    <message>
        <source>%1 (cannot evaluate: %2)</source>
        <translation>%1 (평가할 수 없음: %2)</translation>
    </message>
    <message>
        <source>%1: the workspace is not valid; nothing was checked</source>
        <translation>%1: 워크스페이스가 올바르지 않아 아무것도 점검하지 않았습니다</translation>
    </message>
    <message>
        <source>ENDPOINT</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>LATENCY</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n endpoint(s) checked)</source>
        <translation>
            <numerusform>%1: %2 (엔드포인트 %n개 점검)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no enabled endpoints or KPIs to check</source>
        <translation>%1: 점검할 활성 엔드포인트 또는 KPI가 없습니다</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n KPI(s) evaluated)</source>
        <translation>
            <numerusform>%1: %2 (KPI %n개 평가됨)</numerusform>
        </translation>
    </message>
    <message>
        <source>The workspace is not trusted to send its secrets; allowed for this run by --yes.</source>
        <translation>워크스페이스가 비밀 값을 보내도록 신뢰되지 않았습니다. --yes로 이번 실행에만 허용합니다.</translation>
    </message>
    <message>
        <source>allowed by --yes</source>
        <translation>--yes로 허용</translation>
    </message>
    <message>
        <source>Trust this version of %1? [y/N] </source>
        <translation>이 버전의 %1을(를) 신뢰할까요? [y/N] </translation>
    </message>
    <message>
        <source>waiting for trust: its request carries a secret and this version of the workspace is not trusted (opsdeck trust, or --yes); nothing was sent</source>
        <translation>신뢰 대기 중: 요청에 비밀 값이 들어 있는데 이 버전의 워크스페이스가 신뢰되지 않았습니다(opsdeck trust 또는 --yes). 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>opsdeck: the results are not recorded: %1</source>
        <translation>opsdeck: 결과가 기록되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>opsdeck: %1 failed: %2</source>
        <translation>opsdeck: %1 실패: %2</translation>
    </message>
    <message>
        <source>Recording the results</source>
        <translation>결과 기록</translation>
    </message>
    <message>
        <source>impacted by %1</source>
        <translation>%1 영향</translation>
    </message>
    <message>
        <source>impacted by %1; %2</source>
        <translation>%1 영향; %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n endpoint(s) checked from %3)</source>
        <translation>
            <numerusform>%1: %2 (%3에서 엔드포인트 %n개 검사)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckExecutor</name>
    <message>
        <source>unknown expected state &quot;%1&quot;</source>
        <translation>알 수 없는 예상 상태 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>checking %1</source>
        <translation>%1 점검 중</translation>
    </message>
    <message>
        <source>%1 is %2 (expected %3): %4</source>
        <translation>%1 상태가 %2입니다(예상: %3): %4</translation>
    </message>
</context>
<context>
    <name>ChecklistEvidence</name>
    <message>
        <source>%1: not verified (no probe result yet)</source>
        <translation>%1: 확인 안 됨(아직 점검 결과 없음)</translation>
    </message>
    <message>
        <source>%1: %2 (%3) at %4</source>
        <translation>%1: %2 (%3), %4</translation>
    </message>
    <message>
        <source>%1: %2, expected %3 (%4) at %5</source>
        <translation>%1: %2, 기대값 %3 (%4), %5</translation>
    </message>
</context>
<context>
    <name>ChecklistExport</name>
    <message>
        <source>ticked</source>
        <translation>체크함</translation>
    </message>
    <message>
        <source>unticked</source>
        <translation>체크 해제</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>기간: %1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>마감: %1</translation>
    </message>
    <message>
        <source>Signed by %1 at %2</source>
        <translation>서명: %1, %2</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>의견: %1</translation>
    </message>
    <message>
        <source>Not signed off</source>
        <translation>서명 전</translation>
    </message>
    <message>
        <source>Progress: %1/%2</source>
        <translation>진행: %1/%2</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1 - %2, %3</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>사유: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>메모: %1</translation>
    </message>
    <message>
        <source>%1: not verified (no probe result yet)</source>
        <translation>%1: 확인 안 됨(아직 점검 결과 없음)</translation>
    </message>
    <message>
        <source>%1: %2 (%3) at %4</source>
        <translation>%1: %2 (%3), %4</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>증거: %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>수행자</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>%1 (conflict, not applied)</source>
        <translation>%1 (충돌, 적용 안 됨)</translation>
    </message>
    <message>
        <source>Signed checklists, %1 to %2</source>
        <translation>서명된 체크리스트, %1 ~ %2</translation>
    </message>
    <message>
        <source>No checklist was signed off in this period.</source>
        <translation>이 기간에 서명된 체크리스트가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n signed checklist(s).</source>
        <translation>
            <numerusform>서명된 체크리스트 %n개.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistInstance</name>
    <message>
        <source>instance %1: the stored template is not valid JSON: %2</source>
        <translation>인스턴스 %1: 저장된 템플릿이 올바른 JSON이 아닙니다: %2</translation>
    </message>
</context>
<context>
    <name>ChecklistInstanceModel</name>
    <message>
        <source>Upcoming</source>
        <translation>예정</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>기한 지남</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>누락</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>서명됨</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>%1 서명</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>체크리스트</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>마감</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>ChecklistItemModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>unticked by %1, %2</source>
        <translation>%1 체크 해제, %2</translation>
    </message>
    <message>
        <source>skipped by %1, %2: %3</source>
        <translation>%1 건너뜀, %2: %3</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>저장됨</translation>
    </message>
    <message>
        <source>unsaved: %1</source>
        <translation>저장 안 됨: %1</translation>
    </message>
    <message>
        <source>conflict: %1</source>
        <translation>충돌: %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>수행자</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>증거</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장</translation>
    </message>
</context>
<context>
    <name>ChecklistSql</name>
    <message>
        <source>checklist instance %1 does not exist</source>
        <translation>체크리스트 인스턴스 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>skipping &quot;%1&quot; needs a reason</source>
        <translation>&quot;%1&quot;을(를) 건너뛰려면 사유가 필요합니다</translation>
    </message>
    <message>
        <source>no operator name: set one in the settings</source>
        <translation>운영자 이름이 없습니다. 설정에서 지정하세요</translation>
    </message>
    <message>
        <source>checklist instance %1 is signed off and can no longer change</source>
        <translation>체크리스트 인스턴스 %1은(는) 서명되어 더 이상 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>checklist instance %1 is already signed off by %2</source>
        <translation>체크리스트 인스턴스 %1은(는) 이미 %2이(가) 서명했습니다</translation>
    </message>
    <message>
        <source>the checklist changed in another window since you opened it; review it and sign again</source>
        <translation>연 뒤에 다른 창에서 체크리스트가 바뀌었습니다. 다시 확인하고 서명하세요</translation>
    </message>
    <message>
        <source>cannot sign off: items not ticked or skipped: %1</source>
        <translation>서명할 수 없습니다. 체크하거나 건너뛰지 않은 항목: %1</translation>
    </message>
</context>
<context>
    <name>ChecklistStore</name>
    <message>
        <source>checklist instance %1 is not loaded</source>
        <translation>체크리스트 인스턴스 %1이(가) 로드되지 않았습니다</translation>
    </message>
    <message>
        <source>%1 changed this item at %2 in another window; your change was recorded in the history but not applied</source>
        <translation>%1이(가) %2에 다른 창에서 이 항목을 바꿨습니다. 내 변경은 기록에 남았지만 적용되지 않았습니다</translation>
    </message>
    <message>
        <source>this item changed in another window; your change was recorded in the history but not applied</source>
        <translation>다른 창에서 이 항목이 바뀌었습니다. 내 변경은 기록에 남았지만 적용되지 않았습니다</translation>
    </message>
    <message>
        <source>Creating the checklists due</source>
        <translation>기한이 된 체크리스트 만들기</translation>
    </message>
    <message>
        <source>Loading the checklists</source>
        <translation>체크리스트 불러오기</translation>
    </message>
    <message>
        <source>Starting the checklist &quot;%1&quot;</source>
        <translation>체크리스트 &quot;%1&quot; 시작</translation>
    </message>
    <message>
        <source>Reloading the checklist &quot;%1&quot;</source>
        <translation>체크리스트 &quot;%1&quot; 다시 불러오기</translation>
    </message>
    <message>
        <source>Saving the tick on &quot;%1&quot; (%2)</source>
        <translation>&quot;%1&quot; 체크 저장(%2)</translation>
    </message>
    <message>
        <source>Saving the untick of &quot;%1&quot; (%2)</source>
        <translation>&quot;%1&quot; 체크 해제 저장(%2)</translation>
    </message>
    <message>
        <source>Saving the skip of &quot;%1&quot; (%2)</source>
        <translation>&quot;%1&quot; 건너뜀 저장(%2)</translation>
    </message>
    <message>
        <source>Signing off &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 서명</translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <source>Checklists</source>
        <translation>체크리스트</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>서명 안 됨: %1</translation>
    </message>
    <message>
        <source>Checklists could not be loaded: %1</source>
        <translation>체크리스트를 불러올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>확인 실패</translation>
    </message>
    <message>
        <source>The check for this item currently fails: %1

Tick it anyway?</source>
        <translation>이 항목의 점검이 현재 실패 중입니다: %1

그래도 체크할까요?</translation>
    </message>
    <message>
        <source>Skip item</source>
        <translation>항목 건너뛰기</translation>
    </message>
    <message>
        <source>Why is this item skipped?</source>
        <translation>이 항목을 건너뛰는 이유는 무엇인가요?</translation>
    </message>
    <message>
        <source>An item is skipped only with a reason.</source>
        <translation>항목은 사유가 있어야만 건너뛸 수 있습니다.</translation>
    </message>
    <message>
        <source>Export checklist</source>
        <translation>체크리스트 내보내기</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>No checklist selected</source>
        <translation>선택한 체크리스트 없음</translation>
    </message>
    <message>
        <source>%1 — signed by %2, %3</source>
        <translation>%1 — %2 서명, %3</translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <translation>%1/%2 완료</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>누락</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Note for the next tick (optional)</source>
        <translation>다음 체크에 남길 메모(선택)</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>건너뛰기…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>서명…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>This workspace has no checklists due yet.</source>
        <translation>이 워크스페이스에는 아직 기한이 된 체크리스트가 없습니다.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>데이터베이스가 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1에 내보냈습니다</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>%1에 내보내는 중…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>This checklist as Markdown…</source>
        <translation>이 체크리스트를 Markdown으로…</translation>
    </message>
    <message>
        <source>This checklist as PDF…</source>
        <translation>이 체크리스트를 PDF로…</translation>
    </message>
    <message>
        <source>Signed checklists in a date range…</source>
        <translation>기간 내 서명된 체크리스트…</translation>
    </message>
    <message>
        <source>Only signed checklists are records that can be exported</source>
        <translation>서명된 체크리스트만 기록으로 내보낼 수 있습니다</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <source>Coming in a later version</source>
        <translation>이후 버전에서 제공 예정</translation>
    </message>
</context>
<context>
    <name>CommandExecutor</name>
    <message>
        <source>killed at its %1 timeout</source>
        <translation>시간 제한 %1에 도달해 강제 종료됨</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>%1을(를) 시작할 수 없음: %2</translation>
    </message>
    <message>
        <source>no command to run</source>
        <translation>실행할 명령이 없습니다</translation>
    </message>
    <message>
        <source>running %1</source>
        <translation>%1 실행 중</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 비정상 종료됨</translation>
    </message>
    <message>
        <source>%1 exited with code %2</source>
        <translation>%1이(가) 코드 %2(으)로 종료됨</translation>
    </message>
    <message>
        <source>%1 exited with code 0</source>
        <translation>%1이(가) 코드 0으로 종료됨</translation>
    </message>
    <message>
        <source>%1; nothing was run</source>
        <translation>%1. 아무것도 실행하지 않았습니다</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>The workspace file (YAML) to open.</source>
        <translation>열 워크스페이스 파일(YAML).</translation>
    </message>
    <message>
        <source>Start the bundled demo service and open the demo workspace against it.</source>
        <translation>내장 데모 서비스를 시작하고 그에 연결된 데모 워크스페이스를 엽니다.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dir</translation>
    </message>
    <message>
        <source>User interface language: %1. Default: the last one chosen, else the system&apos;s.</source>
        <translation>UI 언어: %1. 기본값: 마지막으로 선택한 언어, 없으면 시스템 언어.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>Save every page in each language to &lt;dir&gt; once the workspace has loaded, then quit.</source>
        <translation>워크스페이스를 불러온 뒤 모든 페이지를 언어별로 &lt;dir&gt;에 저장하고 종료합니다.</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; for --lang; available: %2</source>
        <translation>--lang에 알 수 없는 언어 &quot;%1&quot;; 사용 가능: %2</translation>
    </message>
    <message>
        <source>usage: opsdeck validate FILE</source>
        <translation>사용법: opsdeck validate FILE</translation>
    </message>
    <message>
        <source>only one workspace file can be opened; got %1</source>
        <translation>워크스페이스 파일은 하나만 열 수 있습니다. 지정된 파일: %1개</translation>
    </message>
    <message>
        <source>--demo opens the demo workspace; do not name a workspace file too</source>
        <translation>--demo는 데모 워크스페이스를 엽니다. 워크스페이스 파일을 함께 지정하지 마세요</translation>
    </message>
    <message>
        <source>--json only applies to the check subcommand</source>
        <translation>--json은 check 하위 명령에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>Wait &lt;ms&gt; milliseconds after the workspace has loaded before taking screenshots.</source>
        <translation>워크스페이스를 불러온 후 &lt;ms&gt;밀리초 동안 기다렸다가 스크린샷을 찍습니다.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>--screenshot-delay expects milliseconds, got &quot;%1&quot;</source>
        <translation>--screenshot-delay에는 밀리초 값이 필요하지만 &quot;%1&quot;이(가) 입력되었습니다</translation>
    </message>
    <message>
        <source>Team mode: keep the data in the shared PostgreSQL database at &lt;url&gt; (postgresql://user:${PASSWORD_VARIABLE}@host:port/database) instead of the local file; overrides the workspace&apos;s storage key.</source>
        <translation>팀 모드: 로컬 파일 대신 &lt;url&gt;의 공유 PostgreSQL 데이터베이스(postgresql://user:${PASSWORD_VARIABLE}@host:port/database)에 데이터를 보관합니다. 워크스페이스의 storage 키보다 우선합니다.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>--database: %1</source>
        <translation>--database: %1</translation>
    </message>
    <message>
        <source>expected a postgresql:// URL</source>
        <translation>postgresql:// URL이 필요합니다</translation>
    </message>
    <message>
        <source>usage: opsdeck secret set|delete NAME</source>
        <translation>사용법: opsdeck secret set|delete NAME</translation>
    </message>
    <message>
        <source>usage: opsdeck runbook WORKSPACE RUNBOOK-ID [--yes]</source>
        <translation>사용법: opsdeck runbook WORKSPACE RUNBOOK-ID [--yes]</translation>
    </message>
    <message>
        <source>runbook: print the runbook ids of the workspace, one a line.</source>
        <translation>runbook: 워크스페이스의 런북 ID를 한 줄에 하나씩 출력합니다.</translation>
    </message>
    <message>
        <source>usage: opsdeck runbook --list-ids WORKSPACE</source>
        <translation>사용법: opsdeck runbook --list-ids WORKSPACE</translation>
    </message>
    <message>
        <source>check: print the results as JSON; import: print the report as JSON.</source>
        <translation>check: 결과를 JSON으로 출력합니다. import: 보고서를 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>import: write the workspace to &lt;file&gt; instead of standard output.</source>
        <translation>import: 워크스페이스를 표준 출력 대신 &lt;file&gt;에 씁니다.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>import: the value of a dashboard template variable, as NAME=VALUE (repeatable).</source>
        <translation>import: 대시보드 템플릿 변수의 값, NAME=VALUE 형식(여러 번 쓸 수 있음).</translation>
    </message>
    <message>
        <source>var</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>import: overwrite the -o file if it exists.</source>
        <translation>import: -o 파일이 이미 있으면 덮어씁니다.</translation>
    </message>
    <message>
        <source>--var expects NAME=VALUE, got &quot;%1&quot;</source>
        <translation>--var에는 NAME=VALUE가 필요합니다. 받은 값: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>import: add the imported items to the workspace &lt;file&gt; (kept as written; ids it already has are reported, not duplicated); the result goes to -o or standard output.</source>
        <translation>import: 가져온 항목을 워크스페이스 &lt;file&gt;에 더합니다(기존 내용은 쓰인 그대로 두고, 이미 있는 ID는 중복하지 않고 보고합니다). 결과는 -o 또는 표준 출력으로 나갑니다.</translation>
    </message>
    <message>
        <source>-o, --merge, --var and --force only apply to the import subcommand</source>
        <translation>-o, --merge, --var, --force는 import 하위 명령에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>usage: opsdeck trust WORKSPACE [--yes]</source>
        <translation>사용법: opsdeck trust WORKSPACE [--yes]</translation>
    </message>
    <message>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>agent: serve /metrics, /healthz and /readyz on &lt;address&gt; (ADDR:PORT, or PORT for 127.0.0.1).</source>
        <translation>agent: /metrics, /healthz, /readyz를 &lt;address&gt;에서 제공합니다(ADDR:PORT, 또는 127.0.0.1이면 PORT).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>agent: validate the workspace, print what the agent would run and exit (0 valid, 1 not).</source>
        <translation>agent: 워크스페이스를 검사하고 에이전트가 실행할 내용을 출력한 뒤 종료합니다(올바르면 0, 아니면 1).</translation>
    </message>
    <message>
        <source>usage: opsdeck agent WORKSPACE [--location NAME] [--listen ADDR:PORT] [--check-config] [--yes]</source>
        <translation>사용법: opsdeck agent WORKSPACE [--location NAME] [--listen ADDR:PORT] [--check-config] [--yes]</translation>
    </message>
    <message>
        <source>--listen expects ADDR:PORT or PORT, got &quot;%1&quot;</source>
        <translation>--listen에는 ADDR:PORT 또는 PORT가 와야 하는데 &quot;%1&quot;이(가) 왔습니다</translation>
    </message>
    <message>
        <source>ack: who acknowledges (default: the operator name of the settings, else the user name).</source>
        <translation>ack: 인지한 사람(기본값: 설정의 운영자 이름, 없으면 사용자 이름).</translation>
    </message>
    <message>
        <source>--by only applies to the ack subcommand</source>
        <translation>--by는 ack 하위 명령에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>usage: opsdeck ack WORKSPACE INCIDENT [--by NAME]</source>
        <translation>사용법: opsdeck ack WORKSPACE INCIDENT [--by NAME]</translation>
    </message>
    <message>
        <source>runbook: answer yes to every confirmation, manual step and workspace-trust question (unattended use); the audit rows say so. check: send the secrets of a workspace version not trusted yet, for this run only. trust: trust the workspace version without asking. agent: allow the workspace&apos;s secrets and commands unattended (logged).</source>
        <translation>runbook: 모든 확인, 수동 단계, 워크스페이스 신뢰 질문에 예로 답합니다(무인 실행). 감사 기록에 그렇게 남습니다. check: 아직 신뢰되지 않은 워크스페이스 버전의 비밀 값을 이번 실행에만 보냅니다. trust: 묻지 않고 이 워크스페이스 버전을 신뢰합니다. agent: 워크스페이스의 비밀 값과 명령을 무인으로 허용합니다(로그에 남김).</translation>
    </message>
    <message>
        <source>--yes only applies to the runbook, check, trust and agent subcommands</source>
        <translation>--yes는 runbook, check, trust, agent 하위 명령에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>Keep the database in &lt;dir&gt; instead of the user&apos;s data directory. check: record the results there.</source>
        <translation>데이터베이스를 사용자 데이터 디렉터리 대신 &lt;dir&gt;에 둡니다. check: 결과를 그곳에 기록합니다.</translation>
    </message>
    <message>
        <source>OpsDeck, an operations console for on-call engineers.

Without a workspace, OpsDeck opens the last one, or the built-in demo when there is none.
Subcommand:
  validate FILE  print the diagnostics of a workspace file; exit 0 when it is valid, 1 otherwise.
  check WORKSPACE  check every endpoint once and print a table (--json for machines); exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. What needs a secret of a workspace version not trusted yet is asked for on a terminal (--yes allows it for this run) and is otherwise UNKNOWN, waiting for trust, and not sent. With --data-dir, --database or the workspace&apos;s storage key the results are added to the probe history (uptime and error budgets count them).
  runbook WORKSPACE RUNBOOK-ID  run a runbook step by step, asking before every state-changing step (--yes answers for unattended use); exit 0 every step succeeded, 1 a step failed, 2 bad usage, 3 declined or interrupted.
  trust WORKSPACE  print which secret the workspace sends to which hosts and which commands it runs, then trust this version of the file (asked, or --yes); exit 0 trusted, 1 not trusted, 2 not valid.
  secret set|delete NAME  store (value from standard input) or remove the OS keychain entry that ${NAME} resolves from when the environment has no NAME.
  import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE...  turn alerting rules or dashboard panels into a workspace&apos;s KPI tiles, or a Gatus configuration (files or a directory), an Uptime Kuma kuma.db or blackbox_exporter modules into endpoints and notifications (-o FILE, else standard output; --var NAME=VALUE for dashboard variables; --json for the report); exit 0 written, 1 nothing importable, 2 bad usage or a malformed file.
  agent WORKSPACE  watch without a window: probes, KPIs, checklists, incidents and notifications into the database, one log line per event on standard error; reloads on SIGHUP, stops on SIGTERM.
  ack WORKSPACE INCIDENT  acknowledge an incident in the workspace&apos;s database (--by NAME), which stops its escalation; exit 0 acknowledged, 1 no such incident, 2 bad usage, 3 already acknowledged, 4 resolved.</source>
        <translation>OpsDeck, 온콜 엔지니어를 위한 운영 콘솔.

워크스페이스를 지정하지 않으면 마지막 워크스페이스를, 없으면 내장 데모를 엽니다.
하위 명령:
  validate FILE  워크스페이스 파일의 진단을 출력합니다. 올바르면 0, 아니면 1로 종료합니다.
  check WORKSPACE  모든 엔드포인트를 한 번 점검하고 표로 출력합니다(기계용은 --json). 종료 코드 0 정상, 1 경고, 2 위험, 3 알 수 없음. 아직 신뢰되지 않은 워크스페이스 버전의 비밀 값이 필요한 점검은 터미널에서 묻고(--yes는 이번 실행에만 허용), 그렇지 않으면 신뢰 대기 중인 알 수 없음으로 보고하며 보내지 않습니다. --data-dir, --database 또는 워크스페이스의 storage 키가 있으면 결과를 프로브 기록에 더합니다(가동률과 오류 예산이 이를 셉니다).
  runbook WORKSPACE RUNBOOK-ID  런북을 단계별로 실행하며, 상태를 바꾸는 단계마다 먼저 묻습니다(무인 실행은 --yes). 종료 코드 0 모든 단계 성공, 1 단계 실패, 2 잘못된 사용, 3 거절 또는 중단.
  trust WORKSPACE  워크스페이스가 어떤 비밀 값을 어느 호스트로 보내고 어떤 명령을 실행하는지 출력한 뒤, 이 버전의 파일을 신뢰합니다(질문 또는 --yes). 종료 코드 0 신뢰함, 1 신뢰하지 않음, 2 올바르지 않음.
  secret set|delete NAME  환경 변수에 NAME이 없을 때 ${NAME}이 값을 읽어 오는 OS 키체인 항목을 저장(값은 표준 입력에서)하거나 지웁니다.
  import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE...  경보 규칙이나 대시보드 패널을 워크스페이스의 KPI 타일로, Gatus 설정(파일 또는 디렉터리), Uptime Kuma kuma.db나 blackbox_exporter 모듈을 엔드포인트와 알림으로 바꿉니다(-o FILE, 없으면 표준 출력; 대시보드 변수는 --var NAME=VALUE; 보고서를 JSON으로 보려면 --json). 종료 코드 0 기록함, 1 가져올 것 없음, 2 잘못된 사용 또는 형식이 잘못된 파일.
  agent WORKSPACE  창 없이 감시합니다: 프로브, KPI, 체크리스트, 인시던트, 알림을 데이터베이스에 기록하고 사건마다 한 줄씩 표준 오류에 로그를 남깁니다. SIGHUP이면 다시 불러오고 SIGTERM이면 멈춥니다.
  ack WORKSPACE INCIDENT  워크스페이스의 데이터베이스에서 장애를 인지 처리하여(--by NAME) 에스컬레이션을 멈춥니다. 종료 코드 0 인지됨, 1 해당 장애 없음, 2 잘못된 사용, 3 이미 인지됨, 4 해결됨.</translation>
    </message>
    <message>
        <source>agent and the window: the place this process probes from (team mode: one prober per workspace and location; results carry it). check: the location the results are reported from.</source>
        <translation>agent와 창: 이 프로세스가 검사하는 위치(팀 모드: 워크스페이스와 위치마다 검사자 하나, 결과에 기록됨). check: 결과를 보고하는 위치.</translation>
    </message>
    <message>
        <source>usage: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o WORKSPACE.yaml] [--merge EXISTING.yaml] [--var NAME=VALUE] [--json] [--force]</source>
        <translation>사용법: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o WORKSPACE.yaml] [--merge EXISTING.yaml] [--var NAME=VALUE] [--json] [--force]</translation>
    </message>
    <message>
        <source>--listen and --check-config only apply to the agent subcommand</source>
        <translation>--listen과 --check-config는 agent 하위 명령에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>--location only applies to the agent and check subcommands and the window</source>
        <translation>--location은 agent, check 하위 명령과 창에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>usage: opsdeck check WORKSPACE [--json] [--yes] [--data-dir DIR] [--database URL] [--location NAME]</source>
        <translation>사용법: opsdeck check WORKSPACE [--json] [--yes] [--data-dir DIR] [--database URL] [--location NAME]</translation>
    </message>
    <message>
        <source>Open the war-room screen full screen (for a wall display; read-only unless the workspace sets incidents.war-room-acknowledge) instead of the main window.</source>
        <translation>메인 창 대신 워룸 화면을 전체 화면으로 엽니다(벽면 디스플레이용. 워크스페이스에 incidents.war-room-acknowledge가 설정되지 않으면 읽기 전용).</translation>
    </message>
</context>
<context>
    <name>Condition</name>
    <message>
        <source>[CERTIFICATE_EXPIRATION]: the response has no TLS certificate</source>
        <translation>[CERTIFICATE_EXPIRATION]: 응답에 TLS 인증서가 없습니다</translation>
    </message>
    <message>
        <source>%1 is not supported by OpsDeck</source>
        <translation>%1은(는) OpsDeck에서 지원하지 않습니다</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>잘못됨</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number or a duration, so it cannot be compared with %2</source>
        <translation>&quot;%1&quot;은(는) 숫자나 기간이 아니므로 %2와(과) 비교할 수 없습니다</translation>
    </message>
    <message>
        <source>%1 is not a number (&quot;%2&quot;), so it cannot be compared with %3</source>
        <translation>%1은(는) 숫자가 아니므로(&quot;%2&quot;) %3와(과) 비교할 수 없습니다</translation>
    </message>
    <message>
        <source>no elements</source>
        <translation>요소 없음</translation>
    </message>
    <message>
        <source>the array is empty</source>
        <translation>배열이 비어 있습니다</translation>
    </message>
    <message numerus="yes">
        <source>%n element(s)</source>
        <translation>
            <numerusform>요소 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>외 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>missing &quot;)&quot; to close &quot;%1&quot;</source>
        <translation>&quot;%1&quot;을(를) 닫는 &quot;)&quot;가 없습니다</translation>
    </message>
    <message>
        <source>missing &quot;)&quot; to close &quot;%1(&quot;</source>
        <translation>&quot;%1(&quot;을(를) 닫는 &quot;)&quot;가 없습니다</translation>
    </message>
    <message>
        <source>any() needs at least one value</source>
        <translation>any()에는 값이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>%1() expects a placeholder such as [BODY].items</source>
        <translation>%1()에는 [BODY].items 같은 자리표시자가 필요합니다</translation>
    </message>
    <message>
        <source>only [BODY] can be followed by a path</source>
        <translation>경로는 [BODY] 뒤에만 올 수 있습니다</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>%1열: %2</translation>
    </message>
    <message>
        <source>the condition is empty; expected a comparison such as &quot;[STATUS] == 200&quot;</source>
        <translation>조건이 비어 있습니다. &quot;[STATUS] == 200&quot; 같은 비교식이 필요합니다</translation>
    </message>
    <message>
        <source>expected an operator (==, !=, &lt;, &lt;=, &gt;, &gt;=) after &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 뒤에 연산자(==, !=, &lt;, &lt;=, &gt;, &gt;=)가 필요합니다</translation>
    </message>
    <message>
        <source>expected a comparison such as &quot;[STATUS] == 200&quot; (==, !=, &lt;, &lt;=, &gt;, &gt;= with a space on each side)</source>
        <translation>&quot;[STATUS] == 200&quot; 같은 비교식이 필요합니다(==, !=, &lt;, &lt;=, &gt;, &gt;= 양쪽에 공백)</translation>
    </message>
    <message>
        <source>expected a value after &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 뒤에 값이 필요합니다</translation>
    </message>
    <message>
        <source>pat() and any() cannot be compared with each other</source>
        <translation>pat()과 any()는 서로 비교할 수 없습니다</translation>
    </message>
    <message>
        <source>%1 can only be used with == or !=</source>
        <translation>%1은(는) == 또는 !=와만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>only one side of a condition can use [*]</source>
        <translation>[*]는 조건의 한쪽에서만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>[DNS_RCODE]: no DNS answer</source>
        <translation>[DNS_RCODE]: DNS 응답이 없습니다</translation>
    </message>
    <message>
        <source>unknown placeholder &quot;%1&quot;; expected [STATUS], [RESPONSE_TIME], [BODY], [IP], [CONNECTED], [CERTIFICATE_EXPIRATION] or [DNS_RCODE]</source>
        <translation>알 수 없는 자리표시자 &quot;%1&quot;; [STATUS], [RESPONSE_TIME], [BODY], [IP], [CONNECTED], [CERTIFICATE_EXPIRATION], [DNS_RCODE] 중 하나가 필요합니다</translation>
    </message>
</context>
<context>
    <name>ConditionContext</name>
    <message>
        <source>the body is empty, not JSON</source>
        <translation>본문이 비어 있어 JSON이 아닙니다</translation>
    </message>
    <message>
        <source>the body is not JSON (it starts with &quot;%1&quot;)</source>
        <translation>본문이 JSON이 아닙니다(&quot;%1&quot;(으)로 시작)</translation>
    </message>
    <message>
        <source>more than one value</source>
        <translation>값이 둘 이상입니다</translation>
    </message>
    <message>
        <source>the body is not JSON (%1 at byte %2)</source>
        <translation>본문이 JSON이 아닙니다(%2바이트 위치: %1)</translation>
    </message>
</context>
<context>
    <name>ConfirmStepDialog</name>
    <message>
        <source>Run this step?</source>
        <translation>이 단계를 실행하시겠습니까?</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; changes the state of a live system.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;은(는) 가동 중인 시스템의 상태를 변경합니다.</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>서비스:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>환경:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>명령:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>메서드:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>This is &lt;b&gt;%1&lt;/b&gt;. Type the environment&apos;s name to run the step:</source>
        <translation>이 환경은 &lt;b&gt;%1&lt;/b&gt;입니다. 단계를 실행하려면 환경 이름을 입력하세요:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Do not run</source>
        <translation>실행 안 함</translation>
    </message>
</context>
<context>
    <name>CurlProbe</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1. 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>not an http or https URL: %1</source>
        <translation>http 또는 https URL이 아닙니다: %1</translation>
    </message>
    <message>
        <source>ca-file %1 holds no readable PEM certificate</source>
        <translation>ca-file %1에 읽을 수 있는 PEM 인증서가 없습니다</translation>
    </message>
    <message>
        <source>libcurl could not create the request; nothing was sent</source>
        <translation>libcurl이 요청을 만들 수 없었습니다. 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>no complete answer within the %1 deadline</source>
        <translation>제한 시간 %1 안에 완전한 응답이 없습니다</translation>
    </message>
    <message>
        <source>response headers larger than the %1 cap</source>
        <translation>응답 헤더가 상한 %1보다 큽니다</translation>
    </message>
    <message>
        <source>malformed framing: invalid Content-Length &quot;%1&quot;</source>
        <translation>잘못된 메시지 경계: 올바르지 않은 Content-Length &quot;%1&quot;</translation>
    </message>
    <message>
        <source>malformed framing: different Content-Length values (%1)</source>
        <translation>잘못된 메시지 경계: 서로 다른 Content-Length 값(%1)</translation>
    </message>
    <message>
        <source>body refused: it is %1-encoded although only an uncompressed body was accepted</source>
        <translation>본문 거부: 압축하지 않은 본문만 허용했는데 %1 인코딩되어 있습니다</translation>
    </message>
    <message>
        <source>body larger than the %1 cap (Content-Length: %2)</source>
        <translation>본문이 상한 %1보다 큽니다(Content-Length: %2)</translation>
    </message>
    <message>
        <source>body larger than the %1 cap</source>
        <translation>본문이 상한 %1보다 큽니다</translation>
    </message>
    <message>
        <source>refused a redirect from https to %1 (%2)</source>
        <translation>https에서 %1(으)로의 리디렉션을 거부했습니다(%2)</translation>
    </message>
    <message>
        <source>refused a redirect to %1</source>
        <translation>%1(으)로의 리디렉션을 거부했습니다</translation>
    </message>
    <message>
        <source>redirect loop: %1 was already visited</source>
        <translation>리디렉션 루프: %1을(를) 이미 방문했습니다</translation>
    </message>
    <message numerus="yes">
        <source>more than %n redirect(s)</source>
        <translation>
            <numerusform>리디렉션이 %n번을 넘었습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Host %1 not found</source>
        <translation>호스트 %1을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>Connection refused (%1)</source>
        <translation>연결이 거부되었습니다(%1)</translation>
    </message>
    <message>
        <source>could not connect to %1: %2</source>
        <translation>%1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS 핸드셰이크 실패: %1</translation>
    </message>
    <message>
        <source>not an HTTP answer: the server did not start with an HTTP status line (another protocol on this port, such as SSH?)</source>
        <translation>HTTP 응답이 아닙니다: 서버 응답이 HTTP 상태 줄로 시작하지 않습니다(이 포트에서 SSH 같은 다른 프로토콜이 실행 중인가요?)</translation>
    </message>
    <message>
        <source>malformed framing: %1</source>
        <translation>잘못된 메시지 경계: %1</translation>
    </message>
    <message>
        <source>connection failed while receiving: %1</source>
        <translation>수신 중 연결 오류: %1</translation>
    </message>
    <message>
        <source>connection closed before the whole body arrived (%1)</source>
        <translation>본문을 모두 받기 전에 연결이 닫혔습니다(%1)</translation>
    </message>
    <message>
        <source>the connection closed before any answer; the request was not sent again</source>
        <translation>응답을 받기 전에 연결이 닫혔습니다. 요청을 다시 보내지 않았습니다</translation>
    </message>
    <message>
        <source>a response header line larger than %1</source>
        <translation>%1보다 큰 응답 헤더 줄</translation>
    </message>
    <message>
        <source>HTTP/2 error: %1</source>
        <translation>HTTP/2 오류: %1</translation>
    </message>
    <message>
        <source>refused a redirect to another origin (%1): the request body holds a secret</source>
        <translation>다른 출처(%1)로의 리디렉션을 거부했습니다: 요청 본문에 비밀 값이 있습니다</translation>
    </message>
</context>
<context>
    <name>DatabaseTarget</name>
    <message>
        <source>the database URL refers to the environment variable %1, which is not set</source>
        <translation>데이터베이스 URL이 참조하는 환경 변수 %1이(가) 설정되지 않았습니다</translation>
    </message>
    <message>
        <source>no database given</source>
        <translation>데이터베이스가 지정되지 않았습니다</translation>
    </message>
    <message>
        <source>the database password refers to the environment variable %1, which is not set</source>
        <translation>데이터베이스 비밀번호가 참조하는 환경 변수 %1이(가) 설정되지 않았습니다</translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL) is not available; install libqt6sql6-psql</source>
        <translation>Qt PostgreSQL 드라이버(QPSQL)를 사용할 수 없습니다. libqt6sql6-psql을 설치하세요</translation>
    </message>
    <message>
        <source>cannot connect (%1)</source>
        <translation>연결할 수 없습니다(%1)</translation>
    </message>
    <message>
        <source>the database URL must look like postgresql://user@host:port/database</source>
        <translation>데이터베이스 URL은 postgresql://user@host:port/database 형식이어야 합니다</translation>
    </message>
    <message>
        <source>the database URL has an invalid port %1</source>
        <translation>데이터베이스 URL의 포트 %1이(가) 올바르지 않습니다</translation>
    </message>
    <message>
        <source>the database URL contains a password; write ${NAME} instead and set the environment variable NAME, so that the password stays out of files and logs</source>
        <translation>데이터베이스 URL에 비밀번호가 들어 있습니다. 비밀번호가 파일과 로그에 남지 않도록 대신 ${NAME}을(를) 쓰고 환경 변수 NAME을 설정하세요</translation>
    </message>
</context>
<context>
    <name>DeclaredSecrets</name>
    <message>
        <source>%1 is not declared in the workspace&apos;s secrets</source>
        <translation>%1은(는) 워크스페이스의 secrets에 선언되지 않았습니다</translation>
    </message>
</context>
<context>
    <name>DeliveryLedger</name>
    <message>
        <source>Claiming the notification %1 on route %2</source>
        <translation>경로 %2의 알림 %1 선점</translation>
    </message>
    <message>
        <source>Recording the notification %1 on route %2</source>
        <translation>경로 %2의 알림 %1 기록</translation>
    </message>
    <message>
        <source>Taking over notifications left unsent</source>
        <translation>보내지 못한 채 남은 알림 인수</translation>
    </message>
</context>
<context>
    <name>DemoLauncher</name>
    <message>
        <source>The demo service %1 did not report its address within %2 seconds.</source>
        <translation>데모 서비스 %1이(가) %2초 안에 주소를 알리지 않았습니다.</translation>
    </message>
    <message>
        <source>The demo service is already running.</source>
        <translation>데모 서비스가 이미 실행 중입니다.</translation>
    </message>
    <message>
        <source>The demo service was not found at %1 (set by OPSDECK_DEMO_SERVICE).</source>
        <translation>데모 서비스를 %1에서 찾지 못했습니다(OPSDECK_DEMO_SERVICE로 지정됨).</translation>
    </message>
    <message>
        <source>The demo service (%1) was not found. Looked in: %2, and the folders in PATH.</source>
        <translation>데모 서비스(%1)를 찾지 못했습니다. 찾아본 곳: %2 및 PATH의 폴더.</translation>
    </message>
    <message>
        <source>The demo service %1 printed no address line.</source>
        <translation>데모 서비스 %1이(가) 주소 줄을 출력하지 않았습니다.</translation>
    </message>
    <message>
        <source>The demo service %1 printed an unexpected first line: %2</source>
        <translation>데모 서비스 %1이(가) 예상하지 못한 첫 줄을 출력했습니다: %2</translation>
    </message>
    <message>
        <source>The built-in demo workspace is missing from the application: %1</source>
        <translation>애플리케이션에 내장 데모 워크스페이스가 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1 for the demo workspace.</source>
        <translation>데모 워크스페이스용 데이터 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write the demo workspace %1: %2</source>
        <translation>데모 워크스페이스 %1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The demo service %1 crashed before it was ready.</source>
        <translation>데모 서비스 %1이(가) 준비되기 전에 비정상 종료되었습니다.</translation>
    </message>
    <message>
        <source>The demo service %1 exited before it was ready (exit code %2).</source>
        <translation>데모 서비스 %1이(가) 준비되기 전에 종료되었습니다(종료 코드 %2).</translation>
    </message>
    <message>
        <source>Could not start the demo service %1: %2</source>
        <translation>데모 서비스 %1을(를) 시작할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>DependencyGraph</name>
    <message>
        <source>group %1</source>
        <translation>그룹 %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticsBanner</name>
    <message numerus="yes">
        <source>Reloading %1 failed with %n problem(s); keeping the last good workspace.</source>
        <translation>
            <numerusform>%1 다시 불러오기 실패: 문제 %n건. 마지막 정상 워크스페이스를 유지합니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 could not be opened: %n problem(s).</source>
        <translation>
            <numerusform>%1을(를) 열 수 없습니다: 문제 %n건.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the file and save it; OpsDeck reloads it automatically.</source>
        <translation>파일을 고쳐 저장하면 OpsDeck이 자동으로 다시 불러옵니다.</translation>
    </message>
</context>
<context>
    <name>DnsCheck</name>
    <message>
        <source>the DNS server must be an IP address, got &quot;%1&quot;</source>
        <translation>DNS 서버는 IP 주소여야 합니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>no dns query-name or query-type</source>
        <translation>dns query-name 또는 query-type이 없습니다</translation>
    </message>
    <message>
        <source>not a usable DNS server: %1</source>
        <translation>사용할 수 없는 DNS 서버: %1</translation>
    </message>
    <message>
        <source>not a valid DNS name: %1</source>
        <translation>올바른 DNS 이름이 아닙니다: %1</translation>
    </message>
    <message>
        <source>no answer from the DNS server %1 within the %2 deadline</source>
        <translation>DNS 서버 %1이(가) 제한 시간 %2 안에 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>the DNS server %1 refused the connection (nothing listens there)</source>
        <translation>DNS 서버 %1이(가) 연결을 거부했습니다(수신 대기 중인 서버 없음)</translation>
    </message>
    <message>
        <source>DNS query to %1 failed: %2</source>
        <translation>%1에 대한 DNS 질의 실패: %2</translation>
    </message>
    <message>
        <source>malformed DNS answer from %1: %2</source>
        <translation>%1의 DNS 응답 형식이 잘못되었습니다: %2</translation>
    </message>
    <message>
        <source>shorter than a DNS header</source>
        <translation>DNS 헤더보다 짧습니다</translation>
    </message>
    <message>
        <source>truncated question</source>
        <translation>질의 부분이 잘렸습니다</translation>
    </message>
    <message>
        <source>truncated answer record</source>
        <translation>응답 레코드가 잘렸습니다</translation>
    </message>
    <message>
        <source>a record of the asked type with a malformed value</source>
        <translation>요청한 유형의 레코드 값 형식이 잘못되었습니다</translation>
    </message>
</context>
<context>
    <name>EndpointConditions</name>
    <message>
        <source>invalid condition: %1</source>
        <translation>잘못된 조건: %1</translation>
    </message>
</context>
<context>
    <name>EndpointDetailView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>History: %1 % up over the last checks (%2)</source>
        <translation>기록: 최근 점검에서 %1% 가동 (%2)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>아직 결과 없음</translation>
    </message>
    <message>
        <source>none (no response)</source>
        <translation>없음(응답 없음)</translation>
    </message>
    <message>
        <source>warn-condition</source>
        <translation>경고 조건</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>조건</translation>
    </message>
    <message>
        <source>Failing makes the endpoint WARNING</source>
        <translation>실패하면 엔드포인트가 WARNING이 됩니다</translation>
    </message>
    <message>
        <source>Failing makes the endpoint CRITICAL</source>
        <translation>실패하면 엔드포인트가 CRITICAL이 됩니다</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>Failed: warning</source>
        <translation>실패: 경고</translation>
    </message>
    <message>
        <source>Failed: critical</source>
        <translation>실패: 심각</translation>
    </message>
    <message>
        <source>Cannot evaluate: %1</source>
        <translation>평가할 수 없음: %1</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>전체 %1</translation>
    </message>
    <message>
        <source>connect %1</source>
        <translation>연결 %1</translation>
    </message>
    <message>
        <source>TLS %1</source>
        <translation>TLS %1</translation>
    </message>
    <message>
        <source>first byte %1</source>
        <translation>첫 바이트 %1</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>측정 안 됨</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>expired on %1</source>
        <translation>%1에 만료됨</translation>
    </message>
    <message>
        <source>expires %1 (%2 left)</source>
        <translation>%1 만료 (%2 남음)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (%2 전)</translation>
    </message>
    <message>
        <source>Select an endpoint to see what its last check found.</source>
        <translation>엔드포인트를 선택하면 마지막 점검 결과를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>지금 점검</translation>
    </message>
    <message>
        <source>Probe this endpoint again right away</source>
        <translation>이 엔드포인트를 즉시 다시 점검합니다</translation>
    </message>
    <message>
        <source>Checked:</source>
        <translation>점검 시각:</translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation>HTTP 상태:</translation>
    </message>
    <message>
        <source>Timings:</source>
        <translation>소요 시간:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>인증서:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>오류:</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>조건</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>조건</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Actual value</source>
        <translation>실제 값</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>응답 시간</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Open incident…</source>
        <translation>장애 등록…</translation>
    </message>
    <message>
        <source>Start an incident for this endpoint with the last result as evidence</source>
        <translation>마지막 결과를 증거로 첨부해 이 엔드포인트의 장애를 등록합니다</translation>
    </message>
    <message>
        <source>DNS %1</source>
        <translation>DNS %1</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>결과:</translation>
    </message>
    <message>
        <source>Certificate chain as the server sent it:
%1</source>
        <translation>서버가 보낸 인증서 체인:
%1</translation>
    </message>
    <message>
        <source>no DNS answer</source>
        <translation>DNS 응답 없음</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n answer(s)</source>
        <translation>
            <numerusform>%1, 응답 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>echo reply from %1</source>
        <translation>%1의 에코 응답</translation>
    </message>
    <message>
        <source>no echo reply</source>
        <translation>에코 응답 없음</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>연결 안 됨</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>%1에 연결됨</translation>
    </message>
    <message numerus="yes">
        <source>connected to %1, %n byte(s) read</source>
        <translation>
            <numerusform>%1에 연결됨, %n바이트 읽음</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 is CRITICAL and this endpoint depends on it: its notifications wait until %1 recovers.</source>
        <translation>%1이(가) 위험 상태이고 이 엔드포인트가 그것에 의존합니다: %1이(가) 복구될 때까지 알림을 보류합니다.</translation>
    </message>
    <message>
        <source>the default location</source>
        <translation>기본 위치</translation>
    </message>
    <message>
        <source>checked by %1 at %2, %3</source>
        <translation>%2에서 %1이(가) 검사, %3</translation>
    </message>
    <message>
        <source>%1: %2, checked by %3, %4</source>
        <translation>%1: %2, %3이(가) 검사, %4</translation>
    </message>
</context>
<context>
    <name>EndpointKinds</name>
    <message>
        <source>no host in &quot;%1&quot;</source>
        <translation>&quot;%1&quot;에 호스트가 없습니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a path; %2:// takes only a host and port</source>
        <translation>&quot;%1&quot;에 경로가 있습니다. %2://에는 호스트와 포트만 씁니다</translation>
    </message>
    <message>
        <source>no port in &quot;%1&quot;; %2:// needs host:port</source>
        <translation>&quot;%1&quot;에 포트가 없습니다. %2://에는 host:port가 필요합니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a port; icmp:// takes only a host</source>
        <translation>&quot;%1&quot;에 포트가 있습니다. icmp://에는 호스트만 씁니다</translation>
    </message>
</context>
<context>
    <name>EndpointModel</name>
    <message>
        <source>OK</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>점검 중</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1시간</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1일</translation>
    </message>
    <message>
        <source>Ungrouped</source>
        <translation>그룹 없음</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>아직 결과 없음</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>지연 시간</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>가동률</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>지속 시간</translation>
    </message>
    <message>
        <source>Waiting for trust</source>
        <translation>신뢰 대기 중</translation>
    </message>
    <message>
        <source>%1
%2
Not checked: its request carries a secret, and this version of the workspace is not trusted yet.</source>
        <translation>%1
%2
점검하지 않음: 요청에 비밀 값이 들어 있고 이 버전의 워크스페이스가 아직 신뢰되지 않았습니다.</translation>
    </message>
    <message>
        <source>Impacted</source>
        <translation>영향받음</translation>
    </message>
    <message>
        <source>impacted by %1</source>
        <translation>%1 영향</translation>
    </message>
    <message>
        <source>%1
%2
%3, %4: its notifications wait until %5 recovers.</source>
        <translation>%1
%2
%3, %4: %5이(가) 복구될 때까지 알림을 보류합니다.</translation>
    </message>
</context>
<context>
    <name>EndpointSummary</name>
    <message>
        <source>Endpoints: not being checked</source>
        <translation>엔드포인트: 점검 안 함</translation>
    </message>
    <message numerus="yes">
        <source>%n OK</source>
        <translation>
            <numerusform>정상 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning</source>
        <translation>
            <numerusform>경고 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>심각 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>알 수 없음 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>대기 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in maintenance</source>
        <translation>
            <numerusform>점검 중 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not checked yet</source>
        <translation>
            <numerusform>미점검 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>엔드포인트:</translation>
    </message>
</context>
<context>
    <name>EscalationEngine</name>
    <message>
        <source>No escalation policy</source>
        <translation>에스컬레이션 정책 없음</translation>
    </message>
    <message>
        <source>policy %1, no level notified yet</source>
        <translation>정책 %1, 아직 알린 단계 없음</translation>
    </message>
    <message>
        <source>policy %1, level %2 of %3 notified</source>
        <translation>정책 %1, %3단계 중 %2단계까지 알림</translation>
    </message>
    <message>
        <source>Escalation stopped: acknowledged (%1)</source>
        <translation>에스컬레이션 중지: 인지됨 (%1)</translation>
    </message>
    <message>
        <source>Escalation ended: resolved (%1)</source>
        <translation>에스컬레이션 종료: 해결됨 (%1)</translation>
    </message>
    <message>
        <source>Escalation: %1; no further step</source>
        <translation>에스컬레이션: %1. 다음 단계 없음</translation>
    </message>
    <message>
        <source>Escalation: %1; next: reminder %2 at %3</source>
        <translation>에스컬레이션: %1. 다음: %3에 재알림 %2</translation>
    </message>
    <message>
        <source>Escalation: %1; next: level %2 (%3) at %4</source>
        <translation>에스컬레이션: %1. 다음: %4에 %2단계 (%3)</translation>
    </message>
    <message>
        <source>Escalation level %1 of %2 (policy %3): notifying %4, unacknowledged for %5</source>
        <translation>에스컬레이션 %2단계 중 %1단계 (정책 %3): %4에 알림, %5 동안 미인지</translation>
    </message>
    <message>
        <source>Reminder %1 to level %2 (policy %3): notifying %4, still unacknowledged after %5</source>
        <translation>%2단계 재알림 %1 (정책 %3): %4에 알림, %5이 지나도록 미인지</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>reminder %1 of level %2</source>
        <translation>%2단계 재알림 %1</translation>
    </message>
    <message>
        <source>%1 sent to %2 (HTTP %3)</source>
        <translation>%1 알림을 %2에 보냄 (HTTP %3)</translation>
    </message>
    <message>
        <source>%1 to %2 failed after %3 attempt(s): %4</source>
        <translation>%1 알림을 %2에 보내지 못함 (%3회 시도): %4</translation>
    </message>
    <message>
        <source>acknowledgement sent to %1</source>
        <translation>%1에 인지 알림을 보냄</translation>
    </message>
    <message>
        <source>acknowledgement</source>
        <translation>인지 알림</translation>
    </message>
    <message>
        <source>%1 to %2 left out: a notification route sends it the incident already</source>
        <translation>%2에 보낼 %1 생략: 알림 경로가 이미 이 장애를 보냅니다</translation>
    </message>
</context>
<context>
    <name>ExportRangeDialog</name>
    <message>
        <source>Export signed checklists</source>
        <translation>서명된 체크리스트 내보내기</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>시작:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>종료:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
</context>
<context>
    <name>ExpositionParser</name>
    <message>
        <source>unknown escape \%1 in a label value</source>
        <translation>레이블 값에 알 수 없는 이스케이프 \%1</translation>
    </message>
    <message>
        <source>label value without a closing quote</source>
        <translation>닫는 따옴표가 없는 레이블 값</translation>
    </message>
    <message>
        <source>column %1: expected a label name or &apos;}&apos;</source>
        <translation>%1열: 레이블 이름 또는 &apos;}&apos;가 필요합니다</translation>
    </message>
    <message>
        <source>column %1: expected &apos;=&apos; after label %2</source>
        <translation>%1열: 레이블 %2 뒤에 &apos;=&apos;가 필요합니다</translation>
    </message>
    <message>
        <source>column %1: expected a quoted value for label %2</source>
        <translation>%1열: 레이블 %2에 따옴표로 묶인 값이 필요합니다</translation>
    </message>
    <message>
        <source>label %1: %2</source>
        <translation>레이블 %1: %2</translation>
    </message>
    <message>
        <source>label %1 appears twice</source>
        <translation>레이블 %1이(가) 두 번 나타납니다</translation>
    </message>
    <message>
        <source>column %1: expected &apos;,&apos; or &apos;}&apos; after a label</source>
        <translation>%1열: 레이블 뒤에 &apos;,&apos; 또는 &apos;}&apos;가 필요합니다</translation>
    </message>
    <message>
        <source>expected a metric name</source>
        <translation>메트릭 이름이 필요합니다</translation>
    </message>
    <message>
        <source>%1: expected a value</source>
        <translation>%1: 값이 필요합니다</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1: &quot;%2&quot;은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a timestamp in milliseconds</source>
        <translation>%1: &quot;%2&quot;은(는) 밀리초 단위 타임스탬프가 아닙니다</translation>
    </message>
    <message>
        <source>%1: unexpected text after the timestamp: %2</source>
        <translation>%1: 타임스탬프 뒤에 예상치 못한 텍스트: %2</translation>
    </message>
    <message>
        <source># %1 without a metric name</source>
        <translation>메트릭 이름 없는 # %1</translation>
    </message>
    <message>
        <source># TYPE %1: unknown type &quot;%2&quot;</source>
        <translation># TYPE %1: 알 수 없는 유형 &quot;%2&quot;</translation>
    </message>
    <message>
        <source># TYPE %1 given twice</source>
        <translation># TYPE %1이(가) 두 번 지정됨</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1행: %2</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>Health</source>
        <translation>상태 점검</translation>
    </message>
    <message>
        <source>No endpoints: add some under `endpoints` in the workspace file.</source>
        <translation>엔드포인트 없음: 워크스페이스 파일의 `endpoints` 아래에 추가하세요.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 not checked yet</source>
        <translation>%1 미점검</translation>
    </message>
    <message>
        <source>Endpoints: %1 (%2)</source>
        <translation>엔드포인트: %1 (%2)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Filter by name, group or URL</source>
        <translation>이름, 그룹 또는 URL로 필터</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>표시:</translation>
    </message>
    <message>
        <source>Show only endpoints in these states (none checked: all)</source>
        <translation>이 상태의 엔드포인트만 표시 (선택 없음: 전체)</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>모두 점검</translation>
    </message>
    <message>
        <source>Probe every endpoint again right away</source>
        <translation>모든 엔드포인트를 즉시 다시 점검합니다</translation>
    </message>
    <message>
        <source>Waiting for trust: this version of the workspace sends secrets, and nothing that carries one is sent until you trust it (%1, %2 wait).</source>
        <translation>신뢰 대기 중: 이 버전의 워크스페이스는 비밀 값을 보냅니다. 신뢰하기 전에는 비밀 값이 담긴 요청을 보내지 않습니다(%1, %2 대기 중).</translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s)</source>
        <translation>
            <numerusform>엔드포인트 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n KPI(s)</source>
        <translation>
            <numerusform>KPI %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Trust…</source>
        <translation>신뢰…</translation>
    </message>
    <message>
        <source>Show what goes where and decide</source>
        <translation>무엇이 어디로 가는지 보고 결정합니다</translation>
    </message>
</context>
<context>
    <name>HealthWall</name>
    <message>
        <source>No endpoints in this workspace</source>
        <translation>이 워크스페이스에 엔드포인트가 없습니다</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>아직 점검 전</translation>
    </message>
    <message>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 ms</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>default</source>
        <translation>기본</translation>
    </message>
</context>
<context>
    <name>HistoryStrip</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2 ms</source>
        <translation>%1, %2 ms</translation>
    </message>
</context>
<context>
    <name>HttpExecutor</name>
    <message>
        <source>sending %1 %2</source>
        <translation>%1 %2 전송 중</translation>
    </message>
    <message>
        <source>no complete answer: %1</source>
        <translation>응답이 완전하지 않음: %1</translation>
    </message>
    <message>
        <source>answered HTTP %1 without a Location; a state-changing request is not redirected</source>
        <translation>Location 없이 HTTP %1(으)로 응답했습니다. 상태를 변경하는 요청은 리디렉션하지 않습니다</translation>
    </message>
    <message>
        <source>answered HTTP %1 pointing to %2; a state-changing request is not redirected</source>
        <translation>%2을(를) 가리키는 HTTP %1(으)로 응답했습니다. 상태를 변경하는 요청은 리디렉션하지 않습니다</translation>
    </message>
    <message>
        <source>%1 (expected a 2xx status)</source>
        <translation>%1 (2xx 상태 필요)</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1. 아무것도 보내지 않았습니다</translation>
    </message>
</context>
<context>
    <name>HttpProbe</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>no complete answer within the %1 deadline</source>
        <translation>제한 시간 %1 안에 완전한 응답이 없습니다</translation>
    </message>
    <message>
        <source>not an http or https URL: %1</source>
        <translation>http 또는 https URL이 아닙니다: %1</translation>
    </message>
    <message>
        <source>ca-file %1 holds no readable PEM certificate</source>
        <translation>ca-file %1에 읽을 수 있는 PEM 인증서가 없습니다</translation>
    </message>
    <message>
        <source>body refused: it is %1-encoded although only an uncompressed body was accepted</source>
        <translation>본문 거부: 압축하지 않은 본문만 허용했는데 %1 인코딩되어 있습니다</translation>
    </message>
    <message>
        <source>body larger than the %1 cap (Content-Length: %2)</source>
        <translation>본문이 상한 %1보다 큽니다(Content-Length: %2)</translation>
    </message>
    <message>
        <source>body larger than the %1 cap</source>
        <translation>본문이 상한 %1보다 큽니다</translation>
    </message>
    <message>
        <source>refused a redirect from https to %1 (%2)</source>
        <translation>https에서 %1(으)로의 리디렉션을 거부했습니다(%2)</translation>
    </message>
    <message>
        <source>refused a redirect to %1</source>
        <translation>%1(으)로의 리디렉션을 거부했습니다</translation>
    </message>
    <message>
        <source>redirect loop: %1 was already visited</source>
        <translation>리디렉션 루프: %1을(를) 이미 방문했습니다</translation>
    </message>
    <message numerus="yes">
        <source>more than %n redirect(s)</source>
        <translation>
            <numerusform>리디렉션이 %n번을 넘었습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS 핸드셰이크 실패: %1</translation>
    </message>
    <message>
        <source>connection closed after %1 of the %2 bytes the server announced (Content-Length)</source>
        <translation>서버가 알린 %2바이트(Content-Length) 중 %1바이트를 받은 뒤 연결이 닫혔습니다</translation>
    </message>
    <message>
        <source>the connection closed before any answer; the request was not sent again</source>
        <translation>응답을 받기 전에 연결이 닫혔습니다. 요청을 다시 보내지 않았습니다</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1. 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>Qt could not create the request; nothing was sent</source>
        <translation>Qt가 요청을 만들지 못했습니다. 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>refused a redirect to another origin (%1): the request body holds a secret</source>
        <translation>다른 출처(%1)로의 리디렉션을 거부했습니다: 요청 본문에 비밀 값이 있습니다</translation>
    </message>
</context>
<context>
    <name>IcmpCheck</name>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>this system does not allow unprivileged ICMP (ping) sockets for OpsDeck&apos;s group (net.ipv4.ping_group_range is &quot;%1&quot;); allow them with: sudo sysctl -w net.ipv4.ping_group_range=&quot;0 2147483647&quot; (and the same line in /etc/sysctl.d/ to keep it)</source>
        <translation>이 시스템은 OpsDeck의 그룹에 비특권 ICMP(ping) 소켓을 허용하지 않습니다(net.ipv4.ping_group_range 값: &quot;%1&quot;). 허용하려면: sudo sysctl -w net.ipv4.ping_group_range=&quot;0 2147483647&quot; (유지하려면 같은 줄을 /etc/sysctl.d/에 추가)</translation>
    </message>
    <message>
        <source>Host %1 not found</source>
        <translation>호스트 %1을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>could not open an ICMP socket: %1</source>
        <translation>ICMP 소켓을 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>could not send an ICMP echo request to %1: %2</source>
        <translation>%1에 ICMP 에코 요청을 보낼 수 없습니다: %2</translation>
    </message>
    <message>
        <source>ICMP echo to %1 failed: %2</source>
        <translation>%1에 대한 ICMP 에코 실패: %2</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>%1 exists; give --force to overwrite it</source>
        <translation>%1 파일이 이미 있습니다. 덮어쓰려면 --force를 주십시오</translation>
    </message>
    <message>
        <source>nothing written</source>
        <translation>아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>nothing to import: no rule or panel could become a KPI tile; nothing written</source>
        <translation>가져올 것이 없습니다: KPI 타일이 될 수 있는 규칙이나 패널이 없습니다. 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>wrote %1 (%2 KPIs)</source>
        <translation>%1에 썼습니다(KPI %2개)</translation>
    </message>
    <message>
        <source>uptime-kuma: give one kuma.db</source>
        <translation>uptime-kuma: kuma.db 하나를 지정하십시오</translation>
    </message>
    <message>
        <source>nothing to import: no endpoint, provider or maintenance window; nothing written</source>
        <translation>가져올 것이 없습니다: 엔드포인트, 알림 제공자, 유지보수 창이 없습니다. 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>wrote %1 (%2 endpoints)</source>
        <translation>%1에 썼습니다(엔드포인트 %2개)</translation>
    </message>
    <message>
        <source>usage: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o WORKSPACE.yaml] [--merge EXISTING.yaml] [--var NAME=VALUE] [--json] [--force]</source>
        <translation>사용법: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o WORKSPACE.yaml] [--merge EXISTING.yaml] [--var NAME=VALUE] [--json] [--force]</translation>
    </message>
    <message>
        <source>no file to import</source>
        <translation>가져올 파일이 없습니다</translation>
    </message>
    <message>
        <source>the generated workspace does not validate</source>
        <translation>생성한 워크스페이스가 검증을 통과하지 못합니다</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>파일 %n개를 읽는 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>There is nothing to write.</source>
        <translation>쓸 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Save Imported Workspace</source>
        <translation>가져온 워크스페이스 저장</translation>
    </message>
    <message>
        <source>Workspaces (*.yaml *.yml)</source>
        <translation>워크스페이스 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Files to Import</source>
        <translation>가져올 파일</translation>
    </message>
    <message>
        <source>Folder of Gatus Files</source>
        <translation>Gatus 파일 폴더</translation>
    </message>
    <message>
        <source>Gatus configuration (file or folder)</source>
        <translation>Gatus 설정(파일 또는 폴더)</translation>
    </message>
    <message>
        <source>Prometheus rule files</source>
        <translation>Prometheus 규칙 파일</translation>
    </message>
    <message>
        <source>Grafana dashboards (JSON)</source>
        <translation>Grafana 대시보드(JSON)</translation>
    </message>
    <message>
        <source>Uptime Kuma database (kuma.db)</source>
        <translation>Uptime Kuma 데이터베이스(kuma.db)</translation>
    </message>
    <message>
        <source>blackbox_exporter modules</source>
        <translation>blackbox_exporter 모듈</translation>
    </message>
    <message>
        <source>&amp;Import from:</source>
        <translation>가져올 원본(&amp;I):</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>파일 추가(&amp;F)…</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>폴더 추가(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
    <message>
        <source>Add to the open workspace (none is open)</source>
        <translation>열린 워크스페이스에 더하기(열린 워크스페이스 없음)</translation>
    </message>
    <message>
        <source>Add to the open workspace (%1)</source>
        <translation>열린 워크스페이스에 더하기(%1)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>미리 보기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save As and Open…</source>
        <translation>저장하고 열기(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Notes and to-dos:</source>
        <translation>참고 사항과 할 일:</translation>
    </message>
    <message>
        <source>Choose what to import, then Preview.</source>
        <translation>가져올 대상을 고른 뒤 미리 보기를 누르십시오.</translation>
    </message>
    <message>
        <source>The import failed; nothing will be written:</source>
        <translation>가져오기에 실패했습니다. 아무것도 쓰지 않습니다:</translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported from these files (%n item(s) skipped); nothing will be written.</source>
        <translation>
            <numerusform>이 파일에서 가져올 수 있는 것이 없습니다(%n개 항목 건너뜀). 아무것도 쓰지 않습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Will create %n endpoint(s)</source>
        <translation>
            <numerusform>만들 항목: 엔드포인트 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n KPI tile(s)</source>
        <translation>
            <numerusform>KPI 타일 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notification route(s)</source>
        <translation>
            <numerusform>알림 라우트 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n provider(s)</source>
        <translation>
            <numerusform>알림 제공자 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maintenance window(s)</source>
        <translation>
            <numerusform>유지보수 창 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n group(s)</source>
        <translation>
            <numerusform>그룹 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) skipped</source>
        <translation>
            <numerusform>건너뜀 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>To do: %1</source>
        <translation>할 일: %1</translation>
    </message>
    <message>
        <source>Unresolved template variables: %1</source>
        <translation>풀리지 않은 템플릿 변수: %1</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>KPI tile</source>
        <translation>KPI 타일</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>notification provider</source>
        <translation>알림 제공자</translation>
    </message>
    <message>
        <source>notification route</source>
        <translation>알림 라우트</translation>
    </message>
    <message>
        <source>maintenance window</source>
        <translation>유지보수 창</translation>
    </message>
    <message>
        <source>key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>blackbox module</source>
        <translation>blackbox 모듈</translation>
    </message>
    <message>
        <source>created</source>
        <translation>만듦</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>→ %1 (not carried over: %2)</source>
        <translation>→ %1 (옮기지 못함: %2)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>What</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Becomes / reason</source>
        <translation>결과물 / 이유</translation>
    </message>
    <message>
        <source>Source position</source>
        <translation>원본 위치</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>$%1 is &quot;All&quot;: resolved as %2</source>
        <translation>$%1은(는) &quot;All&quot;입니다: %2(으)로 바꿨습니다</translation>
    </message>
    <message>
        <source>$%1 resolved as %2 (give --var %1=VALUE to change it)</source>
        <translation>$%1을(를) %2(으)로 바꿨습니다(바꾸려면 --var %1=VALUE를 주십시오)</translation>
    </message>
    <message>
        <source>untitled %1 panel</source>
        <translation>제목 없는 %1 패널</translation>
    </message>
    <message>
        <source>a &quot;%1&quot; panel has no KPI tile equivalent</source>
        <translation>&quot;%1&quot; 패널에 해당하는 KPI 타일이 없습니다</translation>
    </message>
    <message>
        <source>not backed by Prometheus</source>
        <translation>Prometheus 데이터 소스가 아닙니다</translation>
    </message>
    <message>
        <source>no visible Prometheus query</source>
        <translation>보이는 Prometheus 쿼리가 없습니다</translation>
    </message>
    <message>
        <source>unit percentunit (values are ratios from 0 to 1)</source>
        <translation>단위 percentunit(값은 0에서 1 사이의 비율)</translation>
    </message>
    <message>
        <source>decimals %1 (KPIs show 0 to 6)</source>
        <translation>소수 자릿수 %1(KPI는 0에서 6까지)</translation>
    </message>
    <message>
        <source>min/max (KPI tiles have no scale)</source>
        <translation>min/max(KPI 타일에는 눈금이 없음)</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>잘못된 JSON: %1</translation>
    </message>
    <message>
        <source>not a Grafana dashboard: expected an object with &quot;panels&quot; or &quot;rows&quot;</source>
        <translation>Grafana 대시보드가 아닙니다: &quot;panels&quot;나 &quot;rows&quot;가 있는 객체가 필요합니다</translation>
    </message>
    <message>
        <source>threshold colours other than green, yellow/orange and red</source>
        <translation>초록, 노랑/주황, 빨강 이외의 임계값 색</translation>
    </message>
    <message>
        <source>a threshold is not a finite number</source>
        <translation>임계값이 유한한 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>percentage thresholds (relative to min/max)</source>
        <translation>백분율 임계값(min/max 기준)</translation>
    </message>
    <message>
        <source>thresholds &quot;%1&quot; are not numbers</source>
        <translation>임계값 &quot;%1&quot;이(가) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>%1: %3 -&gt; KPI %2</source>
        <translation>%1: %3 -&gt; KPI %2</translation>
    </message>
    <message>
        <source> (not carried over: %1)</source>
        <translation> (옮기지 못함: %1)</translation>
    </message>
    <message>
        <source>%1: skipped %2: %3</source>
        <translation>%1: 건너뜀 %2: %3</translation>
    </message>
    <message>
        <source>not carried over: %1</source>
        <translation>옮기지 못함: %1</translation>
    </message>
    <message>
        <source>unresolved template variables (left as written): %1</source>
        <translation>풀지 못한 템플릿 변수(쓰인 그대로 둠): %1</translation>
    </message>
    <message>
        <source>%1 KPI tiles from %2 items, %3 skipped</source>
        <translation>항목 %2개에서 KPI 타일 %1개, 건너뜀 %3개</translation>
    </message>
    <message>
        <source>groups: expected a list of rule groups</source>
        <translation>groups: 규칙 그룹 목록이 필요합니다</translation>
    </message>
    <message>
        <source>rule group</source>
        <translation>규칙 그룹</translation>
    </message>
    <message>
        <source>expected a mapping with name and a list of rules</source>
        <translation>name과 규칙 목록(rules)이 있는 매핑이 필요합니다</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>expected a mapping</source>
        <translation>매핑이 필요합니다</translation>
    </message>
    <message>
        <source>recording rule: not a tile; queries that use the recorded series refer to it by name</source>
        <translation>기록 규칙: 타일이 아닙니다. 기록된 시계열을 쓰는 쿼리는 이름으로 참조합니다</translation>
    </message>
    <message>
        <source>neither an alerting rule (alert, expr) nor a recording rule</source>
        <translation>경보 규칙(alert, expr)도 기록 규칙도 아닙니다</translation>
    </message>
    <message>
        <source>no severity label: neither a warning nor a critical line</source>
        <translation>severity 레이블이 없습니다: 경고선도 위험선도 아닙니다</translation>
    </message>
    <message>
        <source>severity &quot;%1&quot; is neither warning nor critical</source>
        <translation>severity &quot;%1&quot;은(는) warning도 critical도 아닙니다</translation>
    </message>
    <message>
        <source>the tile shows 1 while &quot;%1&quot; holds, 0 otherwise</source>
        <translation>타일은 &quot;%1&quot; 조건이 참이면 1, 아니면 0을 보여 줍니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; becomes &quot;%2&quot;: a value of exactly %3 does not count</source>
        <translation>&quot;%1&quot;이(가) &quot;%2&quot;이(가) 됩니다: 정확히 %3인 값은 넘은 것으로 치지 않습니다</translation>
    </message>
    <message>
        <source>for: %1 (KPIs have no hold time)</source>
        <translation>for: %1(KPI에는 유지 시간이 없음)</translation>
    </message>
    <message>
        <source>tile &quot;%1&quot; already has a %2 line from %3 on the same query</source>
        <translation>타일 &quot;%1&quot;에는 같은 쿼리의 %3에서 온 %2 선이 이미 있습니다</translation>
    </message>
    <message>
        <source>Runbook: %1</source>
        <translation>런북: %1</translation>
    </message>
    <message>
        <source>KPIs have no runbook link: runbook_url is appended to the description</source>
        <translation>KPI에는 런북 링크가 없습니다: runbook_url은 설명 끝에 붙였습니다</translation>
    </message>
    <message>
        <source>the file is larger than 32 MiB</source>
        <translation>파일이 32 MiB보다 큽니다</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>파일이 UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>not a Prometheus rule file: expected &quot;groups:&quot; or a PrometheusRule with &quot;spec.groups&quot;</source>
        <translation>Prometheus 규칙 파일이 아닙니다: &quot;groups:&quot;나 &quot;spec.groups&quot;가 있는 PrometheusRule이 필요합니다</translation>
    </message>
    <message>
        <source>invalid YAML: %1</source>
        <translation>잘못된 YAML: %1</translation>
    </message>
    <message>
        <source>unbalanced brackets in the expression</source>
        <translation>식의 괄호 짝이 맞지 않습니다</translation>
    </message>
    <message>
        <source>combines conditions with &quot;%1&quot;; a tile shows one query against one threshold</source>
        <translation>조건을 &quot;%1&quot;(으)로 묶습니다. 타일은 쿼리 하나를 임계값 하나와 비교해 보여 줍니다</translation>
    </message>
    <message>
        <source>no comparison with a constant (the alert fires whenever the query returns a series)</source>
        <translation>상수와의 비교가 없습니다(쿼리가 시계열을 돌려주면 언제나 경보가 울림)</translation>
    </message>
    <message>
        <source>more than one comparison at the top level (a range such as 3 &lt;= q &lt; 20)</source>
        <translation>최상위에 비교가 둘 이상입니다(3 &lt;= q &lt; 20 같은 범위)</translation>
    </message>
    <message>
        <source>the bool modifier makes the rule return 0 or 1 for every series instead of filtering</source>
        <translation>bool 수식어 때문에 규칙이 거르지 않고 모든 시계열에 0이나 1을 돌려줍니다</translation>
    </message>
    <message>
        <source>the comparison &quot;%1&quot; lacks a side</source>
        <translation>비교 &quot;%1&quot;의 한쪽이 비어 있습니다</translation>
    </message>
    <message>
        <source>compares two constants</source>
        <translation>상수 두 개를 비교합니다</translation>
    </message>
    <message>
        <source>compares two queries; a tile needs a constant threshold</source>
        <translation>쿼리 두 개를 비교합니다. 타일에는 상수 임계값이 필요합니다</translation>
    </message>
    <message>
        <source>the threshold %1 is not a finite number</source>
        <translation>임계값 %1이(가) 유한한 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>value mappings (a tile shows the number)</source>
        <translation>값 매핑(타일은 숫자를 보여 줌)</translation>
    </message>
    <message>
        <source>invalid YAML: nested deeper than %1 levels</source>
        <translation>잘못된 YAML: %1단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>body placeholders other than %1 are left as written</source>
        <translation>%1 이외의 본문 자리표시자는 쓰인 그대로 둡니다</translation>
    </message>
    <message>
        <source>%1 (written literally in the Gatus configuration at %2)</source>
        <translation>%1(Gatus 설정의 %2에 값이 그대로 쓰여 있음)</translation>
    </message>
    <message>
        <source>set %1 to the %2 written at %3 (the value was not copied)</source>
        <translation>%1을(를) %3에 쓰인 %2(으)로 설정하십시오(값은 복사하지 않았습니다)</translation>
    </message>
    <message>
        <source>expected a mapping of providers</source>
        <translation>제공자 매핑이 필요합니다</translation>
    </message>
    <message>
        <source>Gatus provider &quot;%1&quot; has no OpsDeck equivalent yet (supported: slack, mattermost, discord, teams, custom, pagerduty, ntfy)</source>
        <translation>Gatus 제공자 &quot;%1&quot;에 해당하는 OpsDeck 기능이 아직 없습니다(지원: slack, mattermost, discord, teams, custom, pagerduty, ntfy)</translation>
    </message>
    <message>
        <source>%1 of alerting.%2</source>
        <translation>alerting.%2의 %1</translation>
    </message>
    <message>
        <source>topic URL of alerting.ntfy</source>
        <translation>alerting.ntfy의 토픽 URL</translation>
    </message>
    <message>
        <source>token of alerting.ntfy</source>
        <translation>alerting.ntfy의 토큰</translation>
    </message>
    <message>
        <source>header %1 of alerting.custom</source>
        <translation>alerting.custom의 헤더 %1</translation>
    </message>
    <message>
        <source>no %1</source>
        <translation>%1 없음</translation>
    </message>
    <message>
        <source>insecure (OpsDeck always verifies TLS)</source>
        <translation>insecure(OpsDeck은 항상 TLS를 검증함)</translation>
    </message>
    <message>
        <source>alerts: expected a list</source>
        <translation>alerts: 목록이 필요합니다</translation>
    </message>
    <message>
        <source>alert %1: %2</source>
        <translation>경보 %1: %2</translation>
    </message>
    <message>
        <source>alerting.%1 is not configured</source>
        <translation>alerting.%1이(가) 설정되지 않았습니다</translation>
    </message>
    <message>
        <source>alert %1 (disabled)</source>
        <translation>경보 %1(꺼짐)</translation>
    </message>
    <message>
        <source>alerts with different thresholds: the endpoint uses the smallest (failure %1, success %2)</source>
        <translation>경보마다 임계값이 다릅니다: 엔드포인트는 가장 작은 값을 씁니다(실패 %1, 성공 %2)</translation>
    </message>
    <message>
        <source>routes select endpoints by group, so this one also covers %1, which had no %2 alert</source>
        <translation>라우트는 그룹으로 엔드포인트를 고르므로 %2 경보가 없던 %1도 포함합니다</translation>
    </message>
    <message>
        <source>send-on-resolved differs between the alerts: resolved follow-ups are sent for all</source>
        <translation>경보마다 send-on-resolved가 다릅니다: 모두에 대해 해결 후속 알림을 보냅니다</translation>
    </message>
    <message>
        <source>Gatus alert descriptions: %1</source>
        <translation>Gatus 경보 설명: %1</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>expected a mapping with a name and a url</source>
        <translation>name과 url이 있는 매핑이 필요합니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is kept as written: Gatus expanded environment references there, OpsDeck does not</source>
        <translation>&quot;%1&quot;은(는) 쓰인 그대로 둡니다: Gatus는 여기서 환경 변수 참조를 펼치지만 OpsDeck은 그렇지 않습니다</translation>
    </message>
    <message>
        <source>the body of endpoint %1</source>
        <translation>엔드포인트 %1의 본문</translation>
    </message>
    <message>
        <source>interval &quot;%1&quot; (not a duration OpsDeck reads; 60s is used)</source>
        <translation>interval &quot;%1&quot;(OpsDeck이 읽는 기간 형식이 아님; 60s를 씀)</translation>
    </message>
    <message>
        <source>%1 (no equivalent)</source>
        <translation>%1(해당 기능 없음)</translation>
    </message>
    <message>
        <source>the url of endpoint %1</source>
        <translation>엔드포인트 %1의 url</translation>
    </message>
    <message>
        <source>no url</source>
        <translation>url 없음</translation>
    </message>
    <message>
        <source>the scheme comes from %1: read as an HTTP endpoint</source>
        <translation>스킴이 %1에서 옵니다: HTTP 엔드포인트로 읽었습니다</translation>
    </message>
    <message>
        <source>password in %1</source>
        <translation>%1의 비밀번호</translation>
    </message>
    <message>
        <source>set %1 to the password of %2 (the value was not copied)</source>
        <translation>%1을(를) %2의 비밀번호로 설정하십시오(값은 복사하지 않았습니다)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL with a scheme</source>
        <translation>&quot;%1&quot;은(는) 스킴이 있는 URL이 아닙니다</translation>
    </message>
    <message>
        <source>%1:// endpoints are not supported by OpsDeck</source>
        <translation>OpsDeck은 %1:// 엔드포인트를 지원하지 않습니다</translation>
    </message>
    <message>
        <source>tcp/tls/dns/icmp checks are not supported by this build</source>
        <translation>이 빌드는 tcp/tls/dns/icmp 점검을 지원하지 않습니다</translation>
    </message>
    <message>
        <source>dns: needs query-name and a query-type of %1</source>
        <translation>dns: query-name과 %1 중 하나인 query-type이 필요합니다</translation>
    </message>
    <message>
        <source>client.insecure: OpsDeck never turns off TLS verification; trust the server&apos;s certificate with ca-file instead</source>
        <translation>client.insecure: OpsDeck은 TLS 검증을 끄지 않습니다. 대신 ca-file로 서버 인증서를 신뢰하십시오</translation>
    </message>
    <message>
        <source>client.insecure (no TLS here)</source>
        <translation>client.insecure(여기에는 TLS가 없음)</translation>
    </message>
    <message>
        <source>client.%1: not supported</source>
        <translation>client.%1: 지원하지 않습니다</translation>
    </message>
    <message>
        <source>client.tls: client certificates (mTLS) are not supported</source>
        <translation>client.tls: 클라이언트 인증서(mTLS)는 지원하지 않습니다</translation>
    </message>
    <message>
        <source>client.tunnel: SSH tunnels are not supported</source>
        <translation>client.tunnel: SSH 터널은 지원하지 않습니다</translation>
    </message>
    <message>
        <source>client.timeout &quot;%1&quot;</source>
        <translation>client.timeout &quot;%1&quot;</translation>
    </message>
    <message>
        <source>conditions: expected a list</source>
        <translation>conditions: 목록이 필요합니다</translation>
    </message>
    <message>
        <source>a condition that is not a string</source>
        <translation>문자열이 아닌 조건</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot;: OpsDeck does not expand environment references in conditions</source>
        <translation>조건 &quot;%1&quot;: OpsDeck은 조건 안의 환경 변수 참조를 펼치지 않습니다</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot;: %2</source>
        <translation>조건 &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot;: OpsDeck does not look up domain expiry</source>
        <translation>조건 &quot;%1&quot;: OpsDeck은 도메인 만료일을 조회하지 않습니다</translation>
    </message>
    <message>
        <source>header %1 of endpoint %2</source>
        <translation>엔드포인트 %2의 헤더 %1</translation>
    </message>
    <message>
        <source>%1 (written literally in the Gatus configuration)</source>
        <translation>%1(Gatus 설정에 값이 그대로 쓰여 있음)</translation>
    </message>
    <message>
        <source>set %1 to the %2 (the value was not copied)</source>
        <translation>%1을(를) %2(으)로 설정하십시오(값은 복사하지 않았습니다)</translation>
    </message>
    <message>
        <source>maintenance-windows: expected a list</source>
        <translation>maintenance-windows: 목록이 필요합니다</translation>
    </message>
    <message>
        <source>maintenance window of %1</source>
        <translation>%1의 유지보수 창</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>needs a start time (HH:MM) and a duration</source>
        <translation>시작 시각(HH:MM)과 기간이 필요합니다</translation>
    </message>
    <message>
        <source>timezone %1 (windows open in the console&apos;s local time)</source>
        <translation>시간대 %1(유지보수 창은 콘솔의 현지 시각으로 열림)</translation>
    </message>
    <message>
        <source>document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>not a Gatus configuration</source>
        <translation>Gatus 설정이 아닙니다</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>목록이 필요합니다</translation>
    </message>
    <message>
        <source>external endpoint: Gatus is pushed its results; OpsDeck only probes</source>
        <translation>외부 엔드포인트: Gatus는 결과를 전달받지만 OpsDeck은 직접 점검만 합니다</translation>
    </message>
    <message>
        <source>suite: chained requests with stored context are not supported (a runbook of http steps comes closest)</source>
        <translation>suite: 컨텍스트를 저장하며 이어지는 요청은 지원하지 않습니다(http 단계로 된 런북이 가장 가깝습니다)</translation>
    </message>
    <message>
        <source>the status page&apos;s look has no equivalent (its title names the workspace)</source>
        <translation>상태 페이지의 모양에 해당하는 기능은 없습니다(제목은 워크스페이스 이름이 됩니다)</translation>
    </message>
    <message>
        <source>Gatus reads client settings per endpoint; a top-level one has no effect</source>
        <translation>Gatus는 client 설정을 엔드포인트마다 읽습니다. 최상위 설정은 효과가 없습니다</translation>
    </message>
    <message>
        <source>no equivalent in an OpsDeck workspace</source>
        <translation>OpsDeck 워크스페이스에 해당하는 기능이 없습니다</translation>
    </message>
    <message>
        <source>not a Gatus configuration: expected keys such as &quot;endpoints:&quot; or &quot;alerting:&quot;</source>
        <translation>Gatus 설정이 아닙니다: &quot;endpoints:&quot;나 &quot;alerting:&quot; 같은 키가 필요합니다</translation>
    </message>
    <message>
        <source>unexpected YAML structure: %1</source>
        <translation>예상하지 못한 YAML 구조: %1</translation>
    </message>
    <message>
        <source>the directory holds no .yaml or .yml file</source>
        <translation>디렉터리에 .yaml 또는 .yml 파일이 없습니다</translation>
    </message>
    <message>
        <source>more than %1 files</source>
        <translation>파일이 %1개보다 많습니다</translation>
    </message>
    <message>
        <source>Environment variable the Gatus configuration used in %1</source>
        <translation>Gatus 설정이 %1에서 쓴 환경 변수</translation>
    </message>
    <message>
        <source>set %1 as it was set for Gatus (first used in %2)</source>
        <translation>%1을(를) Gatus에 설정했던 대로 설정하십시오(처음 쓰인 곳: %2)</translation>
    </message>
    <message>
        <source>notification provider</source>
        <translation>알림 제공자</translation>
    </message>
    <message>
        <source>notification route</source>
        <translation>알림 라우트</translation>
    </message>
    <message>
        <source>maintenance window</source>
        <translation>유지보수 창</translation>
    </message>
    <message>
        <source>%1: %3 -&gt; %4 %2</source>
        <translation>%1: %3 -&gt; %4 %2</translation>
    </message>
    <message>
        <source>to do: %1</source>
        <translation>할 일: %1</translation>
    </message>
    <message>
        <source>%1 endpoints, %2 notification providers, %3 routes, %4 maintenance windows; %5 skipped</source>
        <translation>엔드포인트 %1개, 알림 제공자 %2개, 라우트 %3개, 유지보수 창 %4개, 건너뜀 %5개</translation>
    </message>
    <message>
        <source>accepted status codes %1: only %2-%3 is checked</source>
        <translation>허용 상태 코드 %1: %2-%3만 점검합니다</translation>
    </message>
    <message>
        <source>tags %1 (an endpoint has one group)</source>
        <translation>태그 %1(엔드포인트에는 그룹이 하나뿐임)</translation>
    </message>
    <message>
        <source>retry_interval (retries use the interval)</source>
        <translation>retry_interval(재시도는 interval을 씀)</translation>
    </message>
    <message>
        <source>resend_interval</source>
        <translation>resend_interval</translation>
    </message>
    <message>
        <source>description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>upside-down mode (a failure counts as up) has no equivalent</source>
        <translation>뒤집기 모드(실패를 정상으로 침)에 해당하는 기능이 없습니다</translation>
    </message>
    <message>
        <source>DNS record type %1 is not supported (%2)</source>
        <translation>DNS 레코드 유형 %1은(는) 지원하지 않습니다(%2)</translation>
    </message>
    <message>
        <source>monitor type &quot;%1&quot; has no equivalent</source>
        <translation>모니터 유형 &quot;%1&quot;에 해당하는 기능이 없습니다</translation>
    </message>
    <message>
        <source>no usable hostname</source>
        <translation>쓸 수 있는 호스트 이름이 없습니다</translation>
    </message>
    <message>
        <source>monitor %1</source>
        <translation>모니터 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>&quot;%1&quot;은(는) http:// 또는 https:// URL이 아닙니다</translation>
    </message>
    <message>
        <source>the url, body or headers contain &quot;${&quot;, which a workspace reads as a secret reference</source>
        <translation>url, 본문 또는 헤더에 &quot;${&quot;가 있는데, 워크스페이스는 이를 비밀 참조로 읽습니다</translation>
    </message>
    <message>
        <source>ignore TLS errors: OpsDeck never turns off TLS verification; trust the server&apos;s certificate with ca-file instead</source>
        <translation>TLS 오류 무시: OpsDeck은 TLS 검증을 끄지 않습니다. 대신 ca-file로 서버 인증서를 신뢰하십시오</translation>
    </message>
    <message>
        <source>header %1 of %2</source>
        <translation>%2의 헤더 %1</translation>
    </message>
    <message>
        <source>Authorization header of %1: Basic and the base64 of user:password</source>
        <translation>%1의 Authorization 헤더: Basic과 user:password의 base64</translation>
    </message>
    <message>
        <source>set %1 to &quot;Basic &quot; followed by the base64 of %2:PASSWORD of %3 (the password was not copied)</source>
        <translation>%1을(를) &quot;Basic &quot; 뒤에 %3의 %2:PASSWORD를 base64로 붙인 값으로 설정하십시오(비밀번호는 복사하지 않았습니다)</translation>
    </message>
    <message>
        <source>max_redirects %1 (at most 5 are followed)</source>
        <translation>max_redirects %1(최대 5번까지 따라감)</translation>
    </message>
    <message>
        <source>the keyword&apos;s * is read as a wildcard</source>
        <translation>키워드의 *는 와일드카드로 읽힙니다</translation>
    </message>
    <message>
        <source>JSON query &quot;%1&quot; %2: only a plain path compared with ==, !=, &lt;, &lt;=, &gt;, &gt;= is supported</source>
        <translation>JSON 쿼리 &quot;%1&quot; %2: 단순 경로를 ==, !=, &lt;, &lt;=, &gt;, &gt;=로 비교하는 것만 지원합니다</translation>
    </message>
    <message>
        <source>not an SQLite database (Uptime Kuma keeps its data in data/kuma.db)</source>
        <translation>SQLite 데이터베이스가 아닙니다(Uptime Kuma는 데이터를 data/kuma.db에 둡니다)</translation>
    </message>
    <message>
        <source>no monitor table: not an Uptime Kuma database</source>
        <translation>monitor 테이블이 없습니다: Uptime Kuma 데이터베이스가 아닙니다</translation>
    </message>
    <message>
        <source>only the first %1 rows of a table are read</source>
        <translation>테이블마다 처음 %1개 행만 읽었습니다</translation>
    </message>
    <message>
        <source>%1 (stored in the Uptime Kuma database at %2)</source>
        <translation>%1(Uptime Kuma 데이터베이스의 %2에 저장됨)</translation>
    </message>
    <message>
        <source>set %1 to the %2 stored at %3 (the value was not copied)</source>
        <translation>%1을(를) %3에 저장된 %2(으)로 설정하십시오(값은 복사하지 않았습니다)</translation>
    </message>
    <message>
        <source>notification type &quot;%1&quot; has no OpsDeck equivalent yet (supported: slack, discord, teams, mattermost, webhook, PagerDuty, ntfy)</source>
        <translation>알림 유형 &quot;%1&quot;에 해당하는 OpsDeck 기능이 아직 없습니다(지원: slack, discord, teams, mattermost, webhook, PagerDuty, ntfy)</translation>
    </message>
    <message>
        <source>topic URL of notification %1</source>
        <translation>알림 %1의 토픽 URL</translation>
    </message>
    <message>
        <source>webhook URL of notification %1</source>
        <translation>알림 %1의 웹훅 URL</translation>
    </message>
    <message>
        <source>key of notification %1</source>
        <translation>알림 %1의 키</translation>
    </message>
    <message>
        <source>the custom webhook body (Kuma&apos;s template syntax differs)</source>
        <translation>사용자 지정 웹훅 본문(Kuma의 템플릿 문법이 다름)</translation>
    </message>
    <message>
        <source>no webhook URL</source>
        <translation>웹훅 URL 없음</translation>
    </message>
    <message>
        <source>the notification is switched off in Kuma; the route is still written</source>
        <translation>Kuma에서 꺼진 알림이지만 라우트는 씁니다</translation>
    </message>
    <message>
        <source>routes select endpoints by group, so this one also covers %1</source>
        <translation>라우트는 그룹으로 엔드포인트를 고르므로 %1도 포함합니다</translation>
    </message>
    <message>
        <source>needs a start and an end time</source>
        <translation>시작 시각과 종료 시각이 필요합니다</translation>
    </message>
    <message>
        <source>covers no imported monitor</source>
        <translation>가져온 모니터를 하나도 포함하지 않습니다</translation>
    </message>
    <message>
        <source>switched off in Kuma</source>
        <translation>Kuma에서 꺼져 있음</translation>
    </message>
    <message>
        <source>the date range</source>
        <translation>날짜 범위</translation>
    </message>
    <message>
        <source>%1: %2 is not a block mapping; add the imported items by hand</source>
        <translation>%1: %2이(가) 블록 매핑이 아닙니다. 가져온 항목을 직접 추가하십시오</translation>
    </message>
    <message>
        <source>%1: %2 is not a block list (&quot;- item&quot; lines); merging cannot add to it without rewriting it</source>
        <translation>%1: %2이(가) 블록 목록(&quot;- item&quot; 줄)이 아닙니다. 다시 쓰지 않고는 병합해 넣을 수 없습니다</translation>
    </message>
    <message>
        <source>%1 does not validate; fix it first (%2)</source>
        <translation>%1이(가) 검증을 통과하지 못합니다. 먼저 고치십시오(%2)</translation>
    </message>
    <message>
        <source>%1 already has an endpoint named &quot;%2&quot;</source>
        <translation>%1에는 이미 &quot;%2&quot; 엔드포인트가 있습니다</translation>
    </message>
    <message>
        <source>%1 already has a KPI with the id &quot;%2&quot;</source>
        <translation>%1에는 이미 ID가 &quot;%2&quot;인 KPI가 있습니다</translation>
    </message>
    <message>
        <source>%1 has no sources.prometheus for the imported KPIs to query; add one first</source>
        <translation>%1에 가져온 KPI가 조회할 sources.prometheus가 없습니다. 먼저 추가하십시오</translation>
    </message>
    <message>
        <source>not a blackbox_exporter configuration: expected a &quot;modules:&quot; mapping</source>
        <translation>blackbox_exporter 설정이 아닙니다: &quot;modules:&quot; 매핑이 필요합니다</translation>
    </message>
    <message>
        <source>more than %1 modules</source>
        <translation>모듈이 %1개보다 많습니다</translation>
    </message>
    <message>
        <source>no equivalent</source>
        <translation>해당하는 기능이 없습니다</translation>
    </message>
    <message numerus="yes">
        <source>the %n endpoint(s) from blackbox modules probe the placeholder host %1 and are switched off: set each one&apos;s target (host, and port for tcp:// and tls://) and remove &quot;enabled: false&quot;</source>
        <translation>
            <numerusform>blackbox 모듈에서 만든 엔드포인트 %n개는 자리표시 호스트 %1을(를) 프로브하며 꺼져 있습니다: 각각의 대상(호스트, tcp://와 tls://는 포트도)을 지정하고 &quot;enabled: false&quot;를 지우십시오</numerusform>
        </translation>
    </message>
    <message>
        <source>proxies are not supported</source>
        <translation>프록시는 지원하지 않습니다</translation>
    </message>
    <message>
        <source>the address family and source address are the system&apos;s choice</source>
        <translation>주소 체계와 출발지 주소는 시스템이 정합니다</translation>
    </message>
    <message>
        <source>the HTTP version is not checked</source>
        <translation>HTTP 버전은 점검하지 않습니다</translation>
    </message>
    <message>
        <source>conditions cannot test response headers</source>
        <translation>조건으로 응답 헤더를 검사할 수 없습니다</translation>
    </message>
    <message>
        <source>CEL expressions are not supported</source>
        <translation>CEL 식은 지원하지 않습니다</translation>
    </message>
    <message>
        <source>DNS records are not matched; conditions read [DNS_RCODE] and [BODY] (the answers&apos; values)</source>
        <translation>DNS 레코드는 대조하지 않습니다. 조건은 [DNS_RCODE]와 [BODY](응답 값)를 읽습니다</translation>
    </message>
    <message>
        <source>DNS queries go over UDP</source>
        <translation>DNS 질의는 UDP로 보냅니다</translation>
    </message>
    <message>
        <source>set max-body on the endpoint instead</source>
        <translation>대신 엔드포인트에 max-body를 설정하십시오</translation>
    </message>
    <message>
        <source>%1 header of the blackbox module %2</source>
        <translation>blackbox 모듈 %2의 %1 헤더</translation>
    </message>
    <message>
        <source>set %1 (%2 of module %3 at %4): in the environment or with opsdeck secret set %1</source>
        <translation>%1을(를) 설정하십시오(%4에 있는 모듈 %3의 %2): 환경 변수로 또는 opsdeck secret set %1로</translation>
    </message>
    <message>
        <source>not a mapping</source>
        <translation>매핑이 아닙니다</translation>
    </message>
    <message>
        <source>not a duration</source>
        <translation>기간 값이 아닙니다</translation>
    </message>
    <message>
        <source>the module&apos;s prober is %1</source>
        <translation>모듈의 프로버는 %1입니다</translation>
    </message>
    <message>
        <source>the %1 prober is not supported</source>
        <translation>%1 프로버는 지원하지 않습니다</translation>
    </message>
    <message>
        <source>no prober</source>
        <translation>프로버가 없습니다</translation>
    </message>
    <message>
        <source>unknown prober &quot;%1&quot;</source>
        <translation>알 수 없는 프로버 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1.insecure_skip_verify: OpsDeck never turns off TLS verification; trust the server&apos;s CA with ca-file</source>
        <translation>%1.insecure_skip_verify: OpsDeck은 TLS 검증을 끄지 않습니다. ca-file로 서버의 CA를 신뢰하십시오</translation>
    </message>
    <message>
        <source>%1.%2: client certificates (mTLS) are not supported</source>
        <translation>%1.%2: 클라이언트 인증서(mTLS)는 지원하지 않습니다</translation>
    </message>
    <message>
        <source>holds &quot;${&quot;, which a workspace reads as a secret reference</source>
        <translation>&quot;${&quot;가 있는데, 워크스페이스는 이를 비밀 참조로 읽습니다</translation>
    </message>
    <message>
        <source>the %1 header</source>
        <translation>%1 헤더</translation>
    </message>
    <message>
        <source>only a header with one written value is carried over</source>
        <translation>값이 하나 적힌 헤더만 옮깁니다</translation>
    </message>
    <message>
        <source>not a status code: %1</source>
        <translation>상태 코드가 아닙니다: %1</translation>
    </message>
    <message>
        <source>the regular expression %1 is not plain text; conditions match glob patterns</source>
        <translation>정규식 %1은(는) 일반 텍스트가 아닙니다. 조건은 glob 패턴으로 대조합니다</translation>
    </message>
    <message>
        <source>&quot;Basic &quot; and the base64 of username:password</source>
        <translation>&quot;Basic &quot;과 username:password의 base64</translation>
    </message>
    <message>
        <source>&quot;Bearer &quot; and the token</source>
        <translation>&quot;Bearer &quot;와 토큰</translation>
    </message>
    <message>
        <source>http.oauth2 is not supported</source>
        <translation>http.oauth2는 지원하지 않습니다</translation>
    </message>
    <message>
        <source>not a list</source>
        <translation>목록이 아닙니다</translation>
    </message>
    <message>
        <source>tcp.query_response: the SMTP exchange is OpsDeck&apos;s own (EHLO, STARTTLS)</source>
        <translation>tcp.query_response: SMTP 주고받기는 OpsDeck이 직접 합니다(EHLO, STARTTLS)</translation>
    </message>
    <message numerus="yes">
        <source>a dialogue of %n step(s): only one send followed by one plain-text expect is carried over; the endpoint checks the connection</source>
        <translation>
            <numerusform>%n단계 대화: send 하나 뒤의 일반 텍스트 expect 하나만 옮깁니다. 엔드포인트는 연결만 점검합니다</numerusform>
        </translation>
    </message>
    <message>
        <source>dns: no query_name</source>
        <translation>dns: query_name이 없습니다</translation>
    </message>
    <message>
        <source>dns.query_type %1 is not supported (%2)</source>
        <translation>dns.query_type %1은(는) 지원하지 않습니다(%2)</translation>
    </message>
    <message>
        <source>manual: switched on and off by hand in Kuma; windows here open on a schedule</source>
        <translation>manual: Kuma에서 손으로 켜고 끕니다. 여기의 창은 일정에 따라 열립니다</translation>
    </message>
    <message>
        <source>single: a one-off window between two dates; windows here repeat daily or on weekdays</source>
        <translation>single: 두 날짜 사이의 일회성 창입니다. 여기의 창은 매일 또는 요일마다 반복됩니다</translation>
    </message>
    <message>
        <source>recurring-day-of-month (%1): windows here repeat on weekdays, not on dates</source>
        <translation>recurring-day-of-month (%1): 여기의 창은 날짜가 아니라 요일마다 반복됩니다</translation>
    </message>
    <message>
        <source>recurring-weekday without a weekday</source>
        <translation>요일이 없는 recurring-weekday</translation>
    </message>
    <message>
        <source>recurring-interval every %1 days: windows here repeat daily or on weekdays</source>
        <translation>%1일마다 반복하는 recurring-interval: 여기의 창은 매일 또는 요일마다 반복됩니다</translation>
    </message>
    <message>
        <source>cron &quot;%1&quot;: only a fixed minute and hour on every day or on weekdays can be carried over</source>
        <translation>cron &quot;%1&quot;: 매일 또는 요일마다 정해진 시와 분만 옮길 수 있습니다</translation>
    </message>
    <message>
        <source>unknown strategy &quot;%1&quot;</source>
        <translation>알 수 없는 전략 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>IncidentAutoRecorder</name>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 (%2 ms)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 (could not be evaluated: %2)</source>
        <translation>%1 (평가할 수 없음: %2)</translation>
    </message>
    <message>
        <source>%1 (actual %2)</source>
        <translation>%1 (실제 %2)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <source>%1 is CRITICAL</source>
        <translation>%1: CRITICAL 상태</translation>
    </message>
    <message>
        <source>Endpoint %1 fails its health check</source>
        <translation>엔드포인트 %1 상태 점검 실패</translation>
    </message>
    <message>
        <source>%1 is %2, not CRITICAL; open an incident by hand if it needs one</source>
        <translation>%1 상태는 CRITICAL이 아닌 %2입니다. 필요하면 장애를 직접 등록하세요</translation>
    </message>
    <message>
        <source>%1 is %2, not critical; open an incident by hand if it needs one</source>
        <translation>%1의 상태가 %2이며 심각 상태가 아닙니다. 필요하면 장애를 직접 등록하세요</translation>
    </message>
    <message>
        <source>%1 is critical</source>
        <translation>%1 심각</translation>
    </message>
    <message>
        <source>KPI %1 past its critical threshold</source>
        <translation>KPI %1이(가) 심각 임계값을 넘었습니다</translation>
    </message>
    <message>
        <source>no KPI &quot;%1&quot; in this workspace</source>
        <translation>이 워크스페이스에 KPI &quot;%1&quot;이(가) 없습니다</translation>
    </message>
</context>
<context>
    <name>IncidentBanner</name>
    <message>
        <source>Status: %1 · %2</source>
        <translation>상태: %1 · %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>상태: %1</translation>
    </message>
    <message>
        <source>Commander: not assigned</source>
        <translation>지휘자: 미지정</translation>
    </message>
    <message>
        <source>Commander: %1</source>
        <translation>지휘자: %1</translation>
    </message>
    <message>
        <source>Acknowledge: %1</source>
        <translation>인지: %1</translation>
    </message>
    <message>
        <source>Resolve: %1</source>
        <translation>해결: %1</translation>
    </message>
    <message>
        <source>No SLA targets for this severity</source>
        <translation>이 심각도에는 SLA 목표가 없습니다</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <source>Not saved: %1</source>
        <translation>저장하지 못함: %1</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>지휘자</translation>
    </message>
    <message>
        <source>Responders</source>
        <translation>대응자</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>영향범위</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>서비스</translation>
    </message>
    <message>
        <source>Affected users</source>
        <translation>영향받은 사용자</translation>
    </message>
    <message>
        <source>Revenue impact</source>
        <translation>수익 영향</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>발생일시</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>감지일시</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>인지일시</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>완화일시</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>해결일시</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>인지 소요 시간</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>해결 소요 시간</translation>
    </message>
    <message>
        <source>Comma-separated names</source>
        <translation>쉼표로 구분한 이름</translation>
    </message>
    <message>
        <source>Endpoint names or groups, comma-separated</source>
        <translation>엔드포인트 이름 또는 그룹 (쉼표로 구분)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>If known, e.g. about $2,000</source>
        <translation>알려진 경우 (예: 약 $2,000)</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Acknowledged: the escalation stops.</source>
        <translation>인지됨: 에스컬레이션이 멈춥니다.</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>인지하지 못함: %1</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>에스컬레이션</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>인지</translation>
    </message>
    <message>
        <source>Acknowledge the incident as the operator: its escalation stops</source>
        <translation>운영자로서 장애를 인지합니다: 에스컬레이션이 멈춥니다</translation>
    </message>
</context>
<context>
    <name>IncidentExport</name>
    <message>
        <source>%1 d</source>
        <translation>%1일</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1시간</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>Incident report: %1</source>
        <translation>장애 보고서: %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>발생일시</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>해결일시</translation>
    </message>
    <message>
        <source>not resolved yet</source>
        <translation>아직 해결되지 않음</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>지속시간</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>영향범위</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>지휘자</translation>
    </message>
    <message>
        <source>Responders</source>
        <translation>대응자</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>영향도</translation>
    </message>
    <message>
        <source>Affected users</source>
        <translation>영향받은 사용자</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>약 %1명</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>서비스</translation>
    </message>
    <message>
        <source>Revenue impact</source>
        <translation>수익 영향</translation>
    </message>
    <message>
        <source>Root cause analysis</source>
        <translation>원인 분석</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>근본 원인</translation>
    </message>
    <message>
        <source>Contributing factors</source>
        <translation>기여 요인</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>해결 방법</translation>
    </message>
    <message>
        <source>Prevention</source>
        <translation>예방 조치</translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation>즉시 실행</translation>
    </message>
    <message>
        <source>Long term</source>
        <translation>장기 계획</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>학습된 교훈</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>액션 아이템</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>액션</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없음: %2</translation>
    </message>
</context>
<context>
    <name>IncidentLifecycle</name>
    <message>
        <source>Detected</source>
        <translation>감지됨</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>조사 중</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>완화됨</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>the incident is already %1</source>
        <translation>장애가 이미 %1 상태입니다</translation>
    </message>
    <message>
        <source>a closed incident cannot change its status; open a new incident instead</source>
        <translation>종료된 장애는 상태를 변경할 수 없습니다. 새 장애를 등록하세요</translation>
    </message>
    <message>
        <source>an incident cannot go back to %1 from %2</source>
        <translation>장애 상태를 %2에서 %1(으)로 되돌릴 수 없습니다</translation>
    </message>
    <message>
        <source>only a resolved incident can be closed; this one is %1</source>
        <translation>해결된 장애만 종료할 수 있습니다. 이 장애는 %1 상태입니다</translation>
    </message>
    <message>
        <source>cannot change the status from %1 to %2; only %3 can follow it</source>
        <translation>상태를 %1에서 %2(으)로 변경할 수 없습니다. 다음 상태로는 %3만 가능합니다</translation>
    </message>
</context>
<context>
    <name>IncidentListModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>지휘자</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>발생일시</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>인지</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>해결</translation>
    </message>
</context>
<context>
    <name>IncidentSql</name>
    <message>
        <source>incident %1 does not exist</source>
        <translation>장애 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>the database did not return the new incident&apos;s id</source>
        <translation>데이터베이스가 새 장애의 ID를 반환하지 않았습니다</translation>
    </message>
    <message>
        <source>incident %1 was changed in another window (version %2, you edited version %3); your edit was not saved, review it and save again</source>
        <translation>장애 %1이(가) 다른 창에서 변경되었습니다(버전 %2, 편집한 버전 %3). 편집 내용이 저장되지 않았으니 검토 후 다시 저장하세요</translation>
    </message>
    <message>
        <source>an action item needs a description of the action</source>
        <translation>후속 조치에는 조치 내용이 필요합니다</translation>
    </message>
    <message>
        <source>action item %1 of incident %2 does not exist</source>
        <translation>장애 %2의 후속 조치 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>no operator name: say who acknowledges</source>
        <translation>운영자 이름 없음: 누가 인지하는지 지정하세요</translation>
    </message>
</context>
<context>
    <name>IncidentStore</name>
    <message>
        <source>an incident needs a title</source>
        <translation>장애에는 제목이 필요합니다</translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot;; the workspace defines %2</source>
        <translation>알 수 없는 심각도 &quot;%1&quot;입니다. 워크스페이스에 정의된 심각도: %2</translation>
    </message>
    <message>
        <source>no operator name: set one in the settings</source>
        <translation>운영자 이름 없음: 설정에서 지정하세요</translation>
    </message>
    <message>
        <source>incident %1 is not loaded</source>
        <translation>장애 %1을(를) 불러오지 않았습니다</translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot;</source>
        <translation>알 수 없는 심각도 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a timeline note needs some text</source>
        <translation>타임라인 메모에는 내용이 필요합니다</translation>
    </message>
    <message>
        <source>timeline entry %1 of incident %2 is not loaded</source>
        <translation>장애 %2의 타임라인 항목 %1을(를) 불러오지 않았습니다</translation>
    </message>
    <message>
        <source>a correction of a note needs the corrected text</source>
        <translation>메모를 정정하려면 정정된 내용이 필요합니다</translation>
    </message>
    <message>
        <source>the correction changes nothing</source>
        <translation>정정해도 바뀌는 내용이 없습니다</translation>
    </message>
    <message>
        <source>an action item needs a description of the action</source>
        <translation>후속 조치에는 조치 내용이 필요합니다</translation>
    </message>
    <message>
        <source>Loading the incidents</source>
        <translation>장애 목록 불러오기</translation>
    </message>
    <message>
        <source>Opening the incident &quot;%1&quot;</source>
        <translation>장애 &quot;%1&quot; 등록</translation>
    </message>
    <message>
        <source>Saving the incident &quot;%1&quot;</source>
        <translation>장애 &quot;%1&quot; 저장</translation>
    </message>
    <message>
        <source>Adding to the timeline of the incident &quot;%1&quot;</source>
        <translation>장애 &quot;%1&quot;의 타임라인에 추가</translation>
    </message>
    <message>
        <source>Saving an action item of the incident &quot;%1&quot;</source>
        <translation>장애 &quot;%1&quot;의 후속 조치 저장</translation>
    </message>
    <message>
        <source>Removing an action item of the incident &quot;%1&quot;</source>
        <translation>장애 &quot;%1&quot;의 후속 조치 삭제</translation>
    </message>
    <message>
        <source>Reloading the incident &quot;%1&quot;</source>
        <translation>장애 &quot;%1&quot; 다시 불러오기</translation>
    </message>
    <message>
        <source>no incident %1 in this workspace</source>
        <translation>이 워크스페이스에 장애 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>incident %1 was already acknowledged at %2%3</source>
        <translation>장애 %1은(는) 이미 %2에 인지되었습니다%3</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> (인지한 사람: %1)</translation>
    </message>
    <message>
        <source>incident %1 is %2: there is nothing to acknowledge</source>
        <translation>장애 %1은(는) %2 상태입니다: 인지할 것이 없습니다</translation>
    </message>
    <message>
        <source>Acknowledging the incident &quot;%1&quot;</source>
        <translation>장애 &quot;%1&quot; 인지 처리</translation>
    </message>
</context>
<context>
    <name>IncidentTimeline</name>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>런북</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>체크리스트</translation>
    </message>
    <message>
        <source>Opened as %1</source>
        <translation>%1 상태로 열림</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>에스컬레이션</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>인지</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>%1이(가) 인지함</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation>장애</translation>
    </message>
    <message>
        <source>Incidents could not be loaded: %1</source>
        <translation>장애를 불러올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation>등록하지 못함: %1</translation>
    </message>
    <message>
        <source>#%1 %2 — %3, %4</source>
        <translation>#%1 %2 — %3, %4</translation>
    </message>
    <message>
        <source>No incident selected</source>
        <translation>선택된 장애 없음</translation>
    </message>
    <message>
        <source>New incident…</source>
        <translation>새 장애…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Post-mortem</source>
        <translation>포스트모템</translation>
    </message>
    <message>
        <source>No incidents yet. Open one with &quot;New incident…&quot;; while it is open, health changes of its services are recorded in its timeline.</source>
        <translation>아직 장애가 없습니다. &quot;새 장애…&quot;로 장애를 등록하세요. 장애가 열려 있는 동안 해당 서비스의 상태 변화가 타임라인에 기록됩니다.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>데이터베이스가 열려 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>JsonCursor</name>
    <message>
        <source>the end of the body</source>
        <translation>본문의 끝</translation>
    </message>
    <message>
        <source>byte 0x%1</source>
        <translation>바이트 0x%1</translation>
    </message>
    <message>
        <source>expected %1 at byte %2, found %3</source>
        <translation>바이트 %2에 %1이(가) 와야 하는데 %3이(가) 있습니다</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>a string that starts at byte %1 is not closed</source>
        <translation>바이트 %1에서 시작한 문자열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>an escaped control character</source>
        <translation>이스케이프된 제어 문자</translation>
    </message>
    <message>
        <source>the string at byte %1 is not valid UTF-8</source>
        <translation>바이트 %1의 문자열이 올바른 UTF-8이 아닙니다</translation>
    </message>
    <message>
        <source>expected four hex digits after \u at byte %1</source>
        <translation>바이트 %1의 \u 뒤에 16진수 네 자리가 와야 합니다</translation>
    </message>
    <message>
        <source>invalid escape at byte %1</source>
        <translation>바이트 %1에 잘못된 이스케이프가 있습니다</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>values are nested more than %1 deep at byte %2</source>
        <translation>바이트 %2에서 값이 %1단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>unexpected text after the answer at byte %1</source>
        <translation>응답 뒤 바이트 %1에 예상하지 못한 텍스트가 있습니다</translation>
    </message>
</context>
<context>
    <name>JsonField</name>
    <message>
        <source>path %1: %2 at offset %3</source>
        <translation>경로 %1: 오프셋 %3에서 %2</translation>
    </message>
    <message>
        <source>the response is not JSON: %1 at offset %2</source>
        <translation>응답이 JSON이 아닙니다: 오프셋 %2에서 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is %2, not a number</source>
        <translation>%1 값이 숫자가 아닌 %2입니다</translation>
    </message>
</context>
<context>
    <name>JsonPath</name>
    <message>
        <source>the value is null</source>
        <translation>값이 null입니다</translation>
    </message>
    <message>
        <source>the path has more than %1 steps</source>
        <translation>경로 단계가 %1개를 넘습니다</translation>
    </message>
    <message>
        <source>unexpected space in the path</source>
        <translation>경로에 예상하지 못한 공백이 있습니다</translation>
    </message>
    <message>
        <source>expected a key after &quot;.&quot;</source>
        <translation>&quot;.&quot; 뒤에 키가 필요합니다</translation>
    </message>
    <message>
        <source>expected &quot;]&quot; to close this &quot;[&quot;</source>
        <translation>이 &quot;[&quot;를 닫는 &quot;]&quot;가 필요합니다</translation>
    </message>
    <message>
        <source>only one [*] is allowed in a path</source>
        <translation>경로에는 [*]를 하나만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>expected an array index (0, 1, ...) or * inside [ ]</source>
        <translation>[ ] 안에는 배열 인덱스(0, 1, ...)나 *가 필요합니다</translation>
    </message>
    <message>
        <source>expected &quot;.&quot; or &quot;[&quot; in the path</source>
        <translation>경로에 &quot;.&quot; 또는 &quot;[&quot;가 필요합니다</translation>
    </message>
    <message>
        <source>%1 is %2, not an array</source>
        <translation>%1은(는) 배열이 아니라 %2입니다</translation>
    </message>
    <message>
        <source>%1 is null</source>
        <translation>%1은(는) null입니다</translation>
    </message>
    <message>
        <source>%1 is %2, not an object</source>
        <translation>%1은(는) 객체가 아니라 %2입니다</translation>
    </message>
    <message>
        <source>no such key &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 키가 없습니다</translation>
    </message>
    <message numerus="yes">
        <source>index %1 is out of range (the array has %n item(s))</source>
        <translation>
            <numerusform>인덱스 %1이(가) 범위를 벗어났습니다(배열 항목 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>불리언</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
</context>
<context>
    <name>KeychainLoader</name>
    <message>
        <source>no entry</source>
        <translation>항목 없음</translation>
    </message>
</context>
<context>
    <name>KeychainWriter</name>
    <message>
        <source>no entry</source>
        <translation>항목 없음</translation>
    </message>
</context>
<context>
    <name>KpiCheck</name>
    <message>
        <source>NORMAL</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>오래됨</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>값</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>세부 정보</translation>
    </message>
</context>
<context>
    <name>KpiModel</name>
    <message>
        <source>Source: %1</source>
        <translation>소스: %1</translation>
    </message>
    <message>
        <source>Last update: %1</source>
        <translation>마지막 업데이트: %1</translation>
    </message>
    <message>
        <source>No value yet</source>
        <translation>아직 값 없음</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>마지막 오류: %1</translation>
    </message>
    <message>
        <source>%1 min over budget</source>
        <translation>예산 %1분 초과</translation>
    </message>
    <message>
        <source>%1 min left this month</source>
        <translation>이번 달 %1분 남음</translation>
    </message>
    <message>
        <source>%1 min left in %2</source>
        <translation>%2 동안 %1분 남음</translation>
    </message>
    <message>
        <source>SLO tier %1</source>
        <translation>SLO 등급 %1</translation>
    </message>
    <message>
        <source>waiting for trust: this reading would send a secret of a workspace version not trusted yet</source>
        <translation>신뢰 대기 중: 이 값을 읽으려면 아직 신뢰되지 않은 워크스페이스 버전의 비밀 값을 보내야 합니다</translation>
    </message>
</context>
<context>
    <name>KpiReader</name>
    <message>
        <source>rate(%1[%2]) from %3</source>
        <translation>%3의 rate(%1[%2])</translation>
    </message>
    <message>
        <source>histogram_quantile(%1, %2[%3]) from %4</source>
        <translation>%4의 histogram_quantile(%1, %2[%3])</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%2의 %1</translation>
    </message>
    <message>
        <source>%1 of endpoint %2&apos;s last response</source>
        <translation>엔드포인트 %2의 마지막 응답 %1</translation>
    </message>
    <message>
        <source>%1 of endpoint %2 over %3</source>
        <translation>엔드포인트 %2의 %3 동안 %1</translation>
    </message>
    <message>
        <source>error budget of endpoint %1: %2 % over %3</source>
        <translation>엔드포인트 %1의 오류 예산: %3 동안 %2%</translation>
    </message>
    <message>
        <source>the workspace sets no sources.prometheus.url</source>
        <translation>워크스페이스에 sources.prometheus.url이 설정되지 않았습니다</translation>
    </message>
    <message>
        <source>the query returned no data</source>
        <translation>쿼리가 데이터를 반환하지 않았습니다</translation>
    </message>
    <message>
        <source>the query returned %1 series; a tile shows one (aggregate it, e.g. with sum())</source>
        <translation>쿼리가 시계열 %1개를 반환했습니다. 타일에는 하나만 표시됩니다(예: sum()으로 집계하세요)</translation>
    </message>
    <message>
        <source>waiting for a second scrape to compute a rate</source>
        <translation>초당 증가율을 계산하기 위해 두 번째 수집을 기다리는 중</translation>
    </message>
    <message>
        <source>endpoint %1 has no response: %2</source>
        <translation>엔드포인트 %1의 응답 없음: %2</translation>
    </message>
    <message>
        <source>endpoint %1 has not been checked yet</source>
        <translation>엔드포인트 %1이(가) 아직 점검되지 않았습니다</translation>
    </message>
    <message>
        <source>the KPI has no source</source>
        <translation>KPI에 소스가 없습니다</translation>
    </message>
</context>
<context>
    <name>KpiStyle</name>
    <message>
        <source>Normal</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>오래됨</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
</context>
<context>
    <name>KpiTileDelegate</name>
    <message>
        <source>Target %1</source>
        <translation>목표 %1</translation>
    </message>
    <message>
        <source>burn %1×</source>
        <translation>소진 %1×</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>등급 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Storage unavailable</source>
        <translation>저장소를 사용할 수 없음</translation>
    </message>
    <message>
        <source>OpsDeck</source>
        <translation>OpsDeck</translation>
    </message>
    <message>
        <source>%1 — OpsDeck</source>
        <translation>%1 — OpsDeck</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>워크스페이스 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 항목 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>최근 항목 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>다시 불러오기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>시스템(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About OpsDeck</source>
        <translation>OpsDeck 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>페이지</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>워크스페이스 없음</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, demo</source>
        <translation>%1, 데모</translation>
    </message>
    <message>
        <source>Last refresh: never</source>
        <translation>마지막 갱신: 없음</translation>
    </message>
    <message>
        <source>Last refresh: %1</source>
        <translation>마지막 갱신: %1</translation>
    </message>
    <message>
        <source>%1 (reload failed)</source>
        <translation>%1 (다시 불러오기 실패)</translation>
    </message>
    <message>
        <source>Storage: not open</source>
        <translation>저장소: 열리지 않음</translation>
    </message>
    <message>
        <source>Storage: opening…</source>
        <translation>저장소: 여는 중…</translation>
    </message>
    <message>
        <source>Storage: open</source>
        <translation>저장소: 열림</translation>
    </message>
    <message>
        <source>Storage: failed, read-only</source>
        <translation>저장소: 실패, 읽기 전용</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>워크스페이스 열기</translation>
    </message>
    <message>
        <source>Workspaces (*.yaml *.yml);;All files (*)</source>
        <translation>워크스페이스 (*.yaml *.yml);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>%1 (load failed)</source>
        <translation>%1 (불러오기 실패)</translation>
    </message>
    <message>
        <source>&amp;War Room Screen</source>
        <translation>워룸 화면(&amp;W)</translation>
    </message>
    <message>
        <source>Team database: online</source>
        <translation>팀 데이터베이스: 온라인</translation>
    </message>
    <message>
        <source>Team database: offline, changes are not saved</source>
        <translation>팀 데이터베이스: 오프라인, 변경 사항이 저장되지 않습니다</translation>
    </message>
    <message>
        <source>OpsDeck could not open its database and left it untouched (file or server). OpsDeck continues read-only, so ticks, incidents and audit entries are not saved until this is fixed.</source>
        <translation>OpsDeck이 데이터베이스를 열 수 없어 건드리지 않고 두었습니다(파일 또는 서버). 이 문제가 해결될 때까지 OpsDeck은 읽기 전용으로 계속 동작하며, 체크, 장애, 감사 기록은 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>Incident #%1</source>
        <translation>장애 #%1</translation>
    </message>
    <message>
        <source>Acknowledged: its escalation stops.</source>
        <translation>인지됨: 에스컬레이션이 멈춥니다.</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>MetricMath</name>
    <message>
        <source>%1: a bucket has no valid &quot;le&quot; label</source>
        <translation>%1: 유효한 &quot;le&quot; 레이블이 없는 버킷이 있습니다</translation>
    </message>
    <message>
        <source>no histogram buckets %1</source>
        <translation>%1 히스토그램 버킷이 없습니다</translation>
    </message>
    <message>
        <source>no sample %1 in the scrape</source>
        <translation>수집 결과에 %1 샘플이 없습니다</translation>
    </message>
    <message>
        <source>a rate needs two scrapes at different times</source>
        <translation>초당 증가율을 계산하려면 서로 다른 시각에 수집한 결과가 두 개 필요합니다</translation>
    </message>
    <message>
        <source>%1: the histogram has no +Inf bucket</source>
        <translation>%1: 히스토그램에 +Inf 버킷이 없습니다</translation>
    </message>
    <message>
        <source>%1: no observations in the window</source>
        <translation>%1: 구간 내 관측값이 없습니다</translation>
    </message>
</context>
<context>
    <name>MetricsScraper</name>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1이(가) HTTP %2(으)로 응답했습니다</translation>
    </message>
    <message>
        <source>%1 is not in the Prometheus text format: %2</source>
        <translation>%1은(는) Prometheus 텍스트 형식이 아닙니다: %2</translation>
    </message>
</context>
<context>
    <name>NetCheck</name>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1; 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>could not start the check</source>
        <translation>점검을 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>no complete answer within the %1 deadline</source>
        <translation>제한 시간 %1 안에 완전한 응답이 없습니다</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <source>New incident</source>
        <translation>새 장애</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>장애 등록</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <source>OK</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>치명</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>오래됨</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>RESOLVED</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>치명</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>endpoint %1 is %2 (was %3)</source>
        <translation>엔드포인트 %1 상태: %2 (이전: %3)</translation>
    </message>
    <message>
        <source>KPI %1 is %2 (was %3)</source>
        <translation>KPI %1 상태: %2 (이전: %3)</translation>
    </message>
    <message>
        <source>incident #%1 opened: %2</source>
        <translation>인시던트 #%1 발생: %2</translation>
    </message>
    <message>
        <source>incident #%1 resolved: %2</source>
        <translation>인시던트 #%1 해결: %2</translation>
    </message>
    <message>
        <source>checklist overdue: %1</source>
        <translation>체크리스트 기한 초과: %1</translation>
    </message>
    <message>
        <source>runbook %1 finished</source>
        <translation>런북 %1 완료</translation>
    </message>
    <message>
        <source>runbook %1 failed</source>
        <translation>런북 %1 실패</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>값: %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <source>incident #%1 not acknowledged: %2</source>
        <translation>인시던트 #%1 미인지: %2</translation>
    </message>
    <message>
        <source>incident #%1 acknowledged: %2</source>
        <translation>인시던트 #%1 인지됨: %2</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>This workspace sends no notifications. Add providers and routes under notifications: in the workspace file (see docs/workspace-format.md).</source>
        <translation>이 워크스페이스는 알림을 보내지 않습니다. 워크스페이스 파일의 notifications: 아래에 제공자와 경로를 추가하세요 (docs/workspace-format.md 참고).</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Last deliveries (newest first)</source>
        <translation>최근 전송 (최신순)</translation>
    </message>
    <message>
        <source>Send test notification</source>
        <translation>테스트 알림 보내기</translation>
    </message>
    <message>
        <source>Sends a test message to every provider of the selected route now</source>
        <translation>선택한 경로의 모든 제공자에게 지금 테스트 메시지를 보냅니다</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Sends the selected failed message again to the same provider</source>
        <translation>실패한 선택 메시지를 같은 제공자에게 다시 보냅니다</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>held back by the rate limit</source>
        <translation>전송 한도로 보류됨</translation>
    </message>
    <message>
        <source>%1 more notification(s) of route %2 were held back by its rate limit of %3 a minute</source>
        <translation>라우트 %2의 알림 %1건이 분당 %3건 전송 한도로 보류되었습니다</translation>
    </message>
    <message>
        <source>Open OpsDeck to see what changed.</source>
        <translation>변경 내용은 OpsDeck에서 확인하세요.</translation>
    </message>
    <message>
        <source>Notification to %1 (route %2) failed: %3</source>
        <translation>%1(라우트 %2) 알림 전송 실패: %3</translation>
    </message>
    <message>
        <source>Test notification from OpsDeck: route %1 of workspace %2 reaches this channel</source>
        <translation>OpsDeck 테스트 알림: 워크스페이스 %2의 경로 %1이(가) 이 채널에 도달합니다</translation>
    </message>
    <message>
        <source>Sent with &quot;Send test notification&quot;; nothing has changed.</source>
        <translation>&quot;테스트 알림 보내기&quot;로 보낸 메시지이며, 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <source>waiting for trust: this workspace version is not trusted to send its secrets; nothing was sent</source>
        <translation>신뢰 대기 중: 이 버전의 워크스페이스는 비밀 값을 보내도록 신뢰되지 않았습니다. 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>Notification %1 (route %2) is sent without a claim: %3</source>
        <translation>알림 %1(경로 %2)을(를) 선점 없이 보냅니다: %3</translation>
    </message>
</context>
<context>
    <name>NotifyDelivery</name>
    <message>
        <source>%1: no answer within %2 s</source>
        <translation>%1: %2초 안에 응답 없음</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
</context>
<context>
    <name>NotifyLogModel</name>
    <message>
        <source>held back</source>
        <translation>보류됨</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>전송됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message numerus="yes">
        <source>(%n attempt(s))</source>
        <translation>
            <numerusform>(%n회 시도)</numerusform>
        </translation>
    </message>
    <message>
        <source>(fallback)</source>
        <translation>(대체)</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1 (테스트)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>제공자</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
</context>
<context>
    <name>NotifyRequest</name>
    <message>
        <source>nothing was sent: %1</source>
        <translation>전송하지 않음: %1</translation>
    </message>
    <message>
        <source>unknown provider kind &quot;%1&quot;</source>
        <translation>알 수 없는 제공자 종류 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 is not an http(s) URL</source>
        <translation>%1은(는) http(s) URL이 아닙니다</translation>
    </message>
    <message>
        <source>%1 is not an smtp:// or smtps:// URL</source>
        <translation>%1은(는) smtp:// 또는 smtps:// URL이 아닙니다</translation>
    </message>
    <message>
        <source>an email provider needs one from: address and at least one to: address</source>
        <translation>이메일 제공자에는 from: 주소 하나와 to: 주소가 하나 이상 필요합니다</translation>
    </message>
</context>
<context>
    <name>NotifyRouteModel</name>
    <message>
        <source>every event</source>
        <translation>모든 이벤트</translation>
    </message>
    <message>
        <source>fallback %1</source>
        <translation>대체 %1</translation>
    </message>
    <message>
        <source>always</source>
        <translation>항상</translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation>아직 보낸 것 없음</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>From severity</source>
        <translation>최소 심각도</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>보내는 곳</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>시간대</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>마지막 전송</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation>열린 워크스페이스가 없습니다</translation>
    </message>
    <message>
        <source>Open a workspace file with File &gt; Open Workspace, or start OpsDeck with --demo.</source>
        <translation>파일 &gt; 워크스페이스 열기로 워크스페이스 파일을 열거나, OpsDeck을 --demo로 시작하세요.</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>환경: %1</translation>
    </message>
    <message>
        <source>Defines:</source>
        <translation>정의:</translation>
    </message>
    <message>
        <source>endpoints</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>checklists</source>
        <translation>체크리스트</translation>
    </message>
    <message>
        <source>runbooks</source>
        <translation>런북</translation>
    </message>
    <message>
        <source>This workspace defines no KPIs. Add a kpis: section to see tiles here.</source>
        <translation>이 워크스페이스에 정의된 KPI가 없습니다. 여기에 타일을 표시하려면 kpis: 섹션을 추가하세요.</translation>
    </message>
    <message>
        <source>KPI tiles appear here once the workspace&apos;s KPIs are being read.</source>
        <translation>워크스페이스의 KPI를 읽기 시작하면 여기에 KPI 타일이 표시됩니다.</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>차트 열기</translation>
    </message>
    <message>
        <source>Open incident…</source>
        <translation>장애 등록…</translation>
    </message>
</context>
<context>
    <name>PostMortemPanel</name>
    <message>
        <source>Not saved: %1</source>
        <translation>저장하지 못함: %1</translation>
    </message>
    <message>
        <source>Save the post-mortem first; the export shows what is stored.</source>
        <translation>먼저 포스트모템을 저장하세요. 내보내기에는 저장된 내용이 들어갑니다.</translation>
    </message>
    <message>
        <source>Export post-mortem</source>
        <translation>포스트모템 내보내기</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없음: %2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1에 내보냈습니다</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>근본 원인</translation>
    </message>
    <message>
        <source>Contributing factors (one per line)</source>
        <translation>기여 요인 (한 줄에 하나씩)</translation>
    </message>
    <message>
        <source>Resolution (one step per line)</source>
        <translation>해결 방법 (한 줄에 한 단계씩)</translation>
    </message>
    <message>
        <source>Prevention: immediate (one per line)</source>
        <translation>예방 조치: 즉시 (한 줄에 하나씩)</translation>
    </message>
    <message>
        <source>Prevention: long term (one per line)</source>
        <translation>예방 조치: 장기 (한 줄에 하나씩)</translation>
    </message>
    <message>
        <source>Lessons learned (one per line)</source>
        <translation>교훈 (한 줄에 하나씩)</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>후속 조치</translation>
    </message>
    <message>
        <source>Save post-mortem</source>
        <translation>포스트모템 저장</translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation>Markdown 내보내기…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF 내보내기…</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>%1(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>삭제하지 못함: %1</translation>
    </message>
    <message>
        <source>Remove action item</source>
        <translation>조치 항목 삭제</translation>
    </message>
    <message>
        <source>Removes the selected action item (Delete)</source>
        <translation>선택한 조치 항목을 삭제합니다(Delete)</translation>
    </message>
</context>
<context>
    <name>ProbeEngine</name>
    <message>
        <source>the endpoint was removed from the workspace</source>
        <translation>엔드포인트가 워크스페이스에서 제거되었습니다</translation>
    </message>
    <message>
        <source>waiting for trust</source>
        <translation>신뢰 대기 중</translation>
    </message>
</context>
<context>
    <name>ProbeEvidence</name>
    <message>
        <source>%1 in %2 ms</source>
        <translation>%1 (%2 ms)</translation>
    </message>
</context>
<context>
    <name>ProbeFeed</name>
    <message>
        <source>Reading the latest probe results</source>
        <translation>최근 검사 결과 읽기</translation>
    </message>
    <message>
        <source>Reading new probe results</source>
        <translation>새 검사 결과 읽기</translation>
    </message>
</context>
<context>
    <name>ProbeFigures</name>
    <message>
        <source>no successful check in the window yet</source>
        <translation>아직 구간 내 성공한 점검이 없습니다</translation>
    </message>
    <message>
        <source>no check results in the window yet</source>
        <translation>아직 구간 내 점검 결과가 없습니다</translation>
    </message>
    <message>
        <source>unknown probe figure &quot;%1&quot;</source>
        <translation>알 수 없는 점검 수치 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ProbeHistory</name>
    <message numerus="yes">
        <source>Saving %n probe result(s)</source>
        <translation>
            <numerusform>점검 결과 %n건 저장</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading where another prober took over</source>
        <translation>다른 프로버가 이어받은 시점 읽기</translation>
    </message>
</context>
<context>
    <name>ProbeRecordLoader</name>
    <message>
        <source>Loading the stored probe results</source>
        <translation>저장된 점검 결과 불러오기</translation>
    </message>
</context>
<context>
    <name>PromResponseParser</name>
    <message>
        <source>HTTP %1 and no Prometheus API answer in the body</source>
        <translation>HTTP %1, 본문에 Prometheus API 응답이 없습니다</translation>
    </message>
    <message>
        <source>not a Prometheus API answer: %1</source>
        <translation>Prometheus API 응답이 아닙니다: %1</translation>
    </message>
    <message>
        <source>no &quot;status&quot; field</source>
        <translation>&quot;status&quot; 필드가 없습니다</translation>
    </message>
    <message>
        <source>a scalar is not [time, &quot;value&quot;]</source>
        <translation>스칼라가 [time, &quot;value&quot;] 형식이 아닙니다</translation>
    </message>
    <message>
        <source>a string result has no numeric value</source>
        <translation>문자열 결과에 숫자 값이 없습니다</translation>
    </message>
    <message>
        <source>unknown resultType &quot;%1&quot;</source>
        <translation>알 수 없는 resultType &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a point is not [time, &quot;value&quot;]</source>
        <translation>포인트가 [time, &quot;value&quot;] 형식이 아닙니다</translation>
    </message>
    <message>
        <source>a sample is not [time, &quot;value&quot;]</source>
        <translation>샘플이 [time, &quot;value&quot;] 형식이 아닙니다</translation>
    </message>
    <message>
        <source>the rest of the answer</source>
        <translation>응답의 나머지</translation>
    </message>
    <message>
        <source>a series is not an object</source>
        <translation>시리즈가 객체가 아닙니다</translation>
    </message>
    <message>
        <source>a series&apos; values are not a list</source>
        <translation>시리즈의 값이 목록이 아닙니다</translation>
    </message>
    <message>
        <source>the result is not a list</source>
        <translation>결과가 목록이 아닙니다</translation>
    </message>
    <message>
        <source>malformed Prometheus answer at byte %1: %2</source>
        <translation>바이트 %1에서 Prometheus 응답 형식이 잘못되었습니다: %2</translation>
    </message>
    <message>
        <source>the answer&apos;s status is &quot;%1&quot; and it gives no error</source>
        <translation>응답의 status가 &quot;%1&quot;이지만 오류 내용이 없습니다</translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <source>no answer from Prometheus</source>
        <translation>Prometheus에서 응답이 없습니다</translation>
    </message>
    <message>
        <source>waiting for trust: this workspace version is not trusted to send its secrets to Prometheus; nothing was sent</source>
        <translation>신뢰 대기 중: 이 버전의 워크스페이스는 Prometheus로 비밀 값을 보내도록 신뢰되지 않았습니다. 아무것도 보내지 않았습니다</translation>
    </message>
</context>
<context>
    <name>ResponseView</name>
    <message>
        <source>The body was cut off at the size limit.</source>
        <translation>본문이 크기 제한에서 잘렸습니다.</translation>
    </message>
    <message>
        <source>No response body.</source>
        <translation>응답 본문이 없습니다.</translation>
    </message>
    <message>
        <source>Shown without highlighting: %1</source>
        <translation>강조 표시 없이 표시됨: %1</translation>
    </message>
</context>
<context>
    <name>RunbookAudit</name>
    <message>
        <source>%1 / %2: %3 — %4</source>
        <translation>%1 / %2: %3 — %4</translation>
    </message>
    <message>
        <source>Recording step %1 of the runbook %2 in the audit trail</source>
        <translation>런북 %2의 %1 단계를 감사 기록에 기록</translation>
    </message>
    <message>
        <source>Loading the audit trail of the runbook %1</source>
        <translation>런북 %1의 감사 기록 불러오기</translation>
    </message>
</context>
<context>
    <name>RunbookCommand</name>
    <message>
        <source>check %1, expecting %2</source>
        <translation>%1 점검, 기대 상태 %2</translation>
    </message>
    <message>
        <source>wait until %1 is OK (every %2, at most %3)</source>
        <translation>%1이(가) 정상이 될 때까지 대기(%2마다, 최대 %3)</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>%1 실행</translation>
    </message>
    <message>
        <source>manual step</source>
        <translation>수동 단계</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>ABORTED</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>y</source>
        <translation>예</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>opsdeck: the audit row could not be saved: %1</source>
        <translation>opsdeck: 감사 기록을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>opsdeck: the step could not be added to incident %1&apos;s timeline: %2</source>
        <translation>opsdeck: 단계를 장애 %1의 타임라인에 추가하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>%1: the workspace is not valid; nothing was run</source>
        <translation>%1: 워크스페이스가 올바르지 않아 아무것도 실행하지 않았습니다</translation>
    </message>
    <message>
        <source>%1 defines no runbooks</source>
        <translation>%1에 정의된 런북이 없습니다</translation>
    </message>
    <message>
        <source>no runbook &quot;%1&quot; in %2; available: %3</source>
        <translation>%2에 런북 &quot;%1&quot;이(가) 없습니다. 사용 가능: %3</translation>
    </message>
    <message>
        <source>runbook &quot;%1&quot; has no steps</source>
        <translation>런북 &quot;%1&quot;에 단계가 없습니다</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1. 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>Runbook: %1 (%2)</source>
        <translation>런북: %1 (%2)</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>서비스 %1</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>환경 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n단계</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot open the database %1: %2; nothing was run</source>
        <translation>데이터베이스 %1을(를) 열 수 없습니다: %2. 아무것도 실행하지 않았습니다</translation>
    </message>
    <message>
        <source>opsdeck: the open incidents could not be read (%1); the steps are not added to a timeline</source>
        <translation>opsdeck: 진행 중인 장애를 읽지 못했습니다(%1). 단계가 타임라인에 추가되지 않습니다</translation>
    </message>
    <message>
        <source>commands allowed by --yes</source>
        <translation>--yes로 명령 허용</translation>
    </message>
    <message>
        <source>Allow them for this version of %1? [y/N] </source>
        <translation>이 버전의 %1에 대해 허용할까요? [y/N] </translation>
    </message>
    <message>
        <source>not started: %1</source>
        <translation>시작하지 않음: %1</translation>
    </message>
    <message>
        <source>no answer (end of input)</source>
        <translation>응답 없음(입력 끝)</translation>
    </message>
    <message>
        <source>Done? [y/N] </source>
        <translation>완료했나요? [y/N] </translation>
    </message>
    <message>
        <source>not done</source>
        <translation>완료하지 않음</translation>
    </message>
    <message>
        <source>Note (optional): </source>
        <translation>메모(선택): </translation>
    </message>
    <message>
        <source>%1 on service %2 in environment %3</source>
        <translation>%3 환경의 %2 서비스에 %1</translation>
    </message>
    <message>
        <source>Type the environment name (%1) to go ahead: </source>
        <translation>계속하려면 환경 이름(%1)을 입력하세요: </translation>
    </message>
    <message>
        <source>the environment name typed did not match; nothing was sent</source>
        <translation>입력한 환경 이름이 일치하지 않아 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>Go ahead? [y/N] </source>
        <translation>진행할까요? [y/N] </translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>finished with failures</source>
        <translation>실패가 있는 채로 끝남</translation>
    </message>
    <message>
        <source>every step succeeded</source>
        <translation>모든 단계 성공</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%3 of %n step(s) succeeded)</source>
        <translation>
            <numerusform>%1: %2 (%n단계 중 %3단계 성공)</numerusform>
        </translation>
    </message>
    <message>
        <source>opsdeck: the audit trail of this run is incomplete</source>
        <translation>opsdeck: 이번 실행의 감사 기록이 완전하지 않습니다</translation>
    </message>
    <message>
        <source>opsdeck: interrupted again; leaving now</source>
        <translation>opsdeck: 다시 중단되어 지금 종료합니다</translation>
    </message>
    <message>
        <source>opsdeck: interrupted; aborting the run</source>
        <translation>opsdeck: 중단되어 실행을 멈춥니다</translation>
    </message>
    <message>
        <source>interrupted; nothing was run</source>
        <translation>중단되어 아무것도 실행하지 않았습니다</translation>
    </message>
    <message>
        <source>The workspace is not trusted to send its secrets or run commands; allowed for this run by --yes.</source>
        <translation>워크스페이스가 비밀 값 전송이나 명령 실행에 대해 신뢰되지 않았습니다. --yes로 이번 실행에만 허용합니다.</translation>
    </message>
    <message>
        <source>the workspace version is not trusted (its secrets or commands); nothing was run</source>
        <translation>워크스페이스 버전이 신뢰되지 않았습니다(비밀 값 또는 명령). 아무것도 실행하지 않았습니다</translation>
    </message>
</context>
<context>
    <name>RunbookRunner</name>
    <message>
        <source>a run is already in progress</source>
        <translation>이미 실행 중입니다</translation>
    </message>
    <message>
        <source>no such step</source>
        <translation>해당 단계가 없습니다</translation>
    </message>
    <message>
        <source>the workspace is not trusted to run commands; nothing was run</source>
        <translation>워크스페이스에 명령 실행 신뢰가 부여되지 않아 아무것도 실행하지 않았습니다</translation>
    </message>
    <message>
        <source>confirmed automatically (--yes)</source>
        <translation>자동 확인됨 (--yes)</translation>
    </message>
    <message>
        <source>marked done</source>
        <translation>완료로 표시됨</translation>
    </message>
    <message>
        <source>confirmed by %1</source>
        <translation>%1이(가) 확인함</translation>
    </message>
    <message>
        <source>confirmed by %1: %2</source>
        <translation>%1이(가) 확인함: %2</translation>
    </message>
    <message>
        <source>declined by %1; nothing was sent</source>
        <translation>%1이(가) 거부함. 아무것도 전송하지 않았습니다</translation>
    </message>
    <message>
        <source>declined by %1: %2</source>
        <translation>%1이(가) 거부함: %2</translation>
    </message>
    <message>
        <source>aborted by %1</source>
        <translation>%1이(가) 중단함</translation>
    </message>
    <message>
        <source>no endpoint named &quot;%1&quot; in the workspace</source>
        <translation>워크스페이스에 &quot;%1&quot;(이)라는 엔드포인트가 없습니다</translation>
    </message>
    <message>
        <source>nothing to run</source>
        <translation>실행할 항목이 없습니다</translation>
    </message>
    <message>
        <source>(over its %1 budget)</source>
        <translation>(제한 시간 %1 초과)</translation>
    </message>
    <message>
        <source>aborted at step %1</source>
        <translation>단계 %1에서 중단됨</translation>
    </message>
    <message>
        <source>every step succeeded</source>
        <translation>모든 단계 성공</translation>
    </message>
    <message>
        <source>finished with failures</source>
        <translation>일부 실패로 완료됨</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1. 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>waiting for trust: this workspace version is not trusted to send its secrets; nothing was sent</source>
        <translation>신뢰 대기 중: 이 버전의 워크스페이스는 비밀 값을 보내도록 신뢰되지 않았습니다. 아무것도 보내지 않았습니다</translation>
    </message>
</context>
<context>
    <name>RunbookStepModel</name>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Time / budget</source>
        <translation>시간 / 제한 시간</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
</context>
<context>
    <name>RunbooksPage</name>
    <message>
        <source>Runbooks</source>
        <translation>런북</translation>
    </message>
    <message>
        <source>Run finished: %1</source>
        <translation>실행 완료: %1</translation>
    </message>
    <message>
        <source>Run ended: %1</source>
        <translation>실행 종료: %1</translation>
    </message>
    <message>
        <source>The audit row could not be saved: %1</source>
        <translation>감사 기록 행을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>시작되지 않음: %1</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>모두 실행</translation>
    </message>
    <message>
        <source>Run from here</source>
        <translation>여기서부터 실행</translation>
    </message>
    <message>
        <source>Run step</source>
        <translation>단계 실행</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>중단</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation>여기서 중지</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>메모(선택 사항)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>감사 기록</translation>
    </message>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>No runbooks</source>
        <translation>런북 없음</translation>
    </message>
    <message>
        <source>This workspace defines no runbooks.</source>
        <translation>이 워크스페이스에 정의된 런북이 없습니다.</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>서비스: %1</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>환경: %1</translation>
    </message>
    <message>
        <source>Secrets, each sent only to these hosts:</source>
        <translation>비밀 값(각각 아래 호스트로만 전송):</translation>
    </message>
    <message>
        <source>Commands run on this computer:</source>
        <translation>이 컴퓨터에서 실행되는 명령:</translation>
    </message>
    <message>
        <source>Trust this workspace?</source>
        <translation>이 워크스페이스를 신뢰할까요?</translation>
    </message>
    <message>
        <source>This version of %1 sends secrets or runs commands. Trust it? Until you do, nothing that carries a secret is sent and its checks wait.</source>
        <translation>이 버전의 %1은(는) 비밀 값을 보내거나 명령을 실행합니다. 신뢰할까요? 신뢰하기 전에는 비밀 값이 담긴 요청을 보내지 않고 해당 점검은 대기합니다.</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>신뢰</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
</context>
<context>
    <name>SampleStore</name>
    <message>
        <source>no database for stored samples</source>
        <translation>저장된 샘플을 위한 데이터베이스가 없습니다</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n KPI sample(s)</source>
        <translation>
            <numerusform>KPI 샘플 %n개 저장</numerusform>
        </translation>
    </message>
    <message>
        <source>Pruning old KPI samples</source>
        <translation>오래된 KPI 샘플 정리</translation>
    </message>
    <message>
        <source>Reading the samples of %1</source>
        <translation>%1의 샘플 읽기</translation>
    </message>
</context>
<context>
    <name>Screenshotter</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation>디렉터리 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>language %1 is not available</source>
        <translation>언어 %1을(를) 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1을(를) 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>SecretCommand</name>
    <message>
        <source>&quot;%1&quot; is not a secret name: use letters, digits and _, not starting with a digit</source>
        <translation>&quot;%1&quot;은(는) 비밀 이름이 아닙니다. 글자, 숫자, _를 쓰고 숫자로 시작하지 마세요</translation>
    </message>
    <message>
        <source>the keychain refused: %1</source>
        <translation>키체인이 거부했습니다: %1</translation>
    </message>
    <message>
        <source>%1 is stored in the keychain</source>
        <translation>%1을(를) 키체인에 저장했습니다</translation>
    </message>
    <message>
        <source>%1 is no longer in the keychain</source>
        <translation>%1을(를) 키체인에서 지웠습니다</translation>
    </message>
    <message>
        <source>Value of %1: </source>
        <translation>%1의 값: </translation>
    </message>
    <message>
        <source>no value on standard input; nothing was stored</source>
        <translation>표준 입력에 값이 없습니다. 아무것도 저장하지 않았습니다</translation>
    </message>
</context>
<context>
    <name>SecretDestinations</name>
    <message>
        <source>%1: URL</source>
        <translation>%1: URL</translation>
    </message>
    <message>
        <source>%1: header %2</source>
        <translation>%1: 헤더 %2</translation>
    </message>
    <message>
        <source>%1: body</source>
        <translation>%1: 본문</translation>
    </message>
    <message>
        <source>the host that %1 names (not known before it is resolved)</source>
        <translation>%1이(가) 지정하는 호스트(값을 읽기 전에는 알 수 없음)</translation>
    </message>
    <message>
        <source>endpoint %1</source>
        <translation>엔드포인트 %1</translation>
    </message>
    <message>
        <source>Prometheus source (KPI queries)</source>
        <translation>Prometheus 소스(KPI 쿼리)</translation>
    </message>
    <message>
        <source>Alertmanager source</source>
        <translation>Alertmanager 소스</translation>
    </message>
    <message>
        <source>KPI %1 metrics source</source>
        <translation>KPI %1 메트릭 소스</translation>
    </message>
    <message>
        <source>notification provider %1</source>
        <translation>알림 제공자 %1</translation>
    </message>
    <message>
        <source>%1: key</source>
        <translation>%1: 키</translation>
    </message>
    <message>
        <source>%1: option %2</source>
        <translation>%1: 옵션 %2</translation>
    </message>
    <message>
        <source>runbook %1 step %2</source>
        <translation>런북 %1 단계 %2</translation>
    </message>
    <message>
        <source>%1: command</source>
        <translation>%1: 명령</translation>
    </message>
    <message>
        <source>a command on this computer</source>
        <translation>이 컴퓨터의 명령</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>%1 is not set in the environment</source>
        <translation>%1이(가) 환경 변수에 설정되어 있지 않습니다</translation>
    </message>
    <message>
        <source>%1 is not set in the environment nor in the keychain (%2)</source>
        <translation>%1이(가) 환경 변수에도 키체인에도 없습니다(%2)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>%1 sent to %2 by route %3 (HTTP %4)</source>
        <translation>%1: 경로 %3로 %2에 보냄 (HTTP %4)</translation>
    </message>
    <message>
        <source>%1 to %2 by route %3 failed: %4</source>
        <translation>%1: 경로 %3로 %2에 보내지 못함: %4</translation>
    </message>
    <message>
        <source>%1 (held while %2 was CRITICAL; %2 recovered, this did not)</source>
        <translation>%1 (%2이(가) 위험인 동안 보류됨; %2은(는) 복구되었으나 이것은 복구되지 않음)</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign off %1</source>
        <translation>%1 서명</translation>
    </message>
    <message>
        <source>Signing as %1. A signed checklist can no longer change.</source>
        <translation>%1(으)로 서명합니다. 서명한 체크리스트는 더 이상 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>의견:</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>서명</translation>
    </message>
</context>
<context>
    <name>SilenceDialog</name>
    <message>
        <source>Silence %1</source>
        <translation>%1 사일런스</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30분</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1시간</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>사일런스</translation>
    </message>
    <message>
        <source>Silenced from the OpsDeck console</source>
        <translation>OpsDeck 콘솔에서 사일런스함</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1일</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1주</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1시간</translation>
    </message>
    <message>
        <source>Silence alert</source>
        <translation>알림 사일런스</translation>
    </message>
    <message>
        <source>Silence %1: %2</source>
        <translation>%1 사일런스: %2</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation>매칭: %1</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>기간:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>코멘트:</translation>
    </message>
</context>
<context>
    <name>SlaClock</name>
    <message>
        <source>%1d %2h</source>
        <translation>%1일 %2시간</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>목표 없음</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>%1 초과</translation>
    </message>
    <message>
        <source>missed by %1</source>
        <translation>%1 늦어 미달성</translation>
    </message>
    <message>
        <source>met in %1</source>
        <translation>%1 만에 달성</translation>
    </message>
</context>
<context>
    <name>SmtpTransfer</name>
    <message>
        <source>refused to send the login in clear text: remove starttls: false or the login</source>
        <translation>로그인 정보를 평문으로 보내지 않았습니다: starttls: false 또는 로그인 정보를 지우세요</translation>
    </message>
    <message>
        <source>libcurl could not start a transfer</source>
        <translation>libcurl이 전송을 시작하지 못했습니다</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS; nothing was sent</source>
        <translation>서버가 STARTTLS를 제공하지 않아 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>login refused (SMTP %1)</source>
        <translation>로그인 거부됨 (SMTP %1)</translation>
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation>TLS 실패: %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>no answer within the deadline (%1)</source>
        <translation>기한 안에 응답 없음 (%1)</translation>
    </message>
    <message>
        <source>SMTP %1: %2</source>
        <translation>SMTP %1: %2</translation>
    </message>
</context>
<context>
    <name>StepExecutor</name>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 (%2 ms)</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>cannot be read (%1)</source>
        <translation>읽을 수 없음 (%1)</translation>
    </message>
    <message>
        <source>not an SQLite database (file is not a database)</source>
        <translation>SQLite 데이터베이스가 아님 (데이터베이스 파일이 아닙니다)</translation>
    </message>
    <message>
        <source>truncated (%1 bytes, shorter than the 100-byte SQLite header)</source>
        <translation>잘린 파일 (%1바이트, 100바이트 SQLite 헤더보다 짧음)</translation>
    </message>
    <message>
        <source>truncated (%1 bytes, its header says %2)</source>
        <translation>잘린 파일 (%1바이트, 헤더에 기록된 크기는 %2)</translation>
    </message>
    <message>
        <source>not an SQLite database (%1)</source>
        <translation>SQLite 데이터베이스가 아님 (%1)</translation>
    </message>
    <message>
        <source>damaged (%1)</source>
        <translation>손상됨 (%1)</translation>
    </message>
    <message>
        <source>%1: %2; the file was left untouched</source>
        <translation>%1: %2. 파일은 변경하지 않았습니다</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not available</source>
        <translation>Qt SQLite 드라이버(QSQLITE)를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>failed the integrity check (%1)</source>
        <translation>무결성 검사 실패 (%1)</translation>
    </message>
    <message>
        <source>an SQLite database, but not an OpsDeck one (it has no %1 table)</source>
        <translation>SQLite 데이터베이스이지만 OpsDeck 데이터베이스가 아님 (%1 테이블이 없음)</translation>
    </message>
    <message>
        <source>written by a newer OpsDeck (schema version %1; this build supports up to %2)</source>
        <translation>더 새로운 OpsDeck에서 기록됨 (스키마 버전 %1, 이 빌드는 %2까지 지원)</translation>
    </message>
    <message>
        <source>a folder is in the place of the database file</source>
        <translation>데이터베이스 파일 위치에 폴더가 있습니다</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>cannot be opened (%1)</source>
        <translation>열 수 없음 (%1)</translation>
    </message>
    <message>
        <source>cannot be created (%1)</source>
        <translation>만들 수 없음 (%1)</translation>
    </message>
    <message>
        <source>cannot read the schema version (%1)</source>
        <translation>스키마 버전을 읽을 수 없음 (%1)</translation>
    </message>
    <message>
        <source>its schema version %1 is newer than this build of OpsDeck supports (%2); use a newer OpsDeck</source>
        <translation>스키마 버전 %1은(는) 이 OpsDeck 빌드가 지원하는 버전(%2)보다 새롭습니다. 더 새로운 OpsDeck을 사용하세요</translation>
    </message>
    <message>
        <source>migration to schema version %1 (%2) failed: %3</source>
        <translation>스키마 버전 %1(%2)로의 마이그레이션 실패: %3</translation>
    </message>
    <message>
        <source>%1 (in: %2)</source>
        <translation>%1 (위치: %2)</translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation>데이터베이스가 열려 있지 않습니다</translation>
    </message>
    <message>
        <source>the job failed with an unknown exception</source>
        <translation>작업이 알 수 없는 예외로 실패했습니다</translation>
    </message>
    <message>
        <source>rolled back with a failed job: %1</source>
        <translation>실패한 작업 때문에 롤백됨: %1</translation>
    </message>
    <message>
        <source>the connection to the server was lost</source>
        <translation>서버와의 연결이 끊어졌습니다</translation>
    </message>
    <message>
        <source>%1: %2; the database was left untouched</source>
        <translation>%1: %2. 데이터베이스는 변경되지 않았습니다</translation>
    </message>
    <message>
        <source>a PostgreSQL database, but not an OpsDeck one (it has no %1 table)</source>
        <translation>PostgreSQL 데이터베이스이지만 OpsDeck 데이터베이스가 아닙니다(%1 테이블이 없음)</translation>
    </message>
    <message>
        <source>offline: the team database %1 cannot be reached; nothing was saved</source>
        <translation>오프라인: 팀 데이터베이스 %1에 연결할 수 없어 아무것도 저장되지 않았습니다</translation>
    </message>
    <message>
        <source>offline: the team database %1 cannot be reached (%2); nothing was saved</source>
        <translation>오프라인: 팀 데이터베이스 %1에 연결할 수 없어(%2) 아무것도 저장되지 않았습니다</translation>
    </message>
    <message>
        <source>A database job</source>
        <translation>데이터베이스 작업</translation>
    </message>
    <message>
        <source>the database gave no reason</source>
        <translation>데이터베이스가 이유를 알려 주지 않았습니다</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>StreamCheck</name>
    <message>
        <source>connection failed while sending: %1</source>
        <translation>보내는 중 연결 실패: %1</translation>
    </message>
    <message>
        <source>connection failed while receiving: %1</source>
        <translation>받는 중 연결 실패: %1</translation>
    </message>
    <message>
        <source>the %1 handshake did not finish: %2</source>
        <translation>%1 핸드셰이크가 끝나지 않았습니다: %2</translation>
    </message>
    <message>
        <source>Host %1 not found</source>
        <translation>호스트 %1을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>Connection refused (%1)</source>
        <translation>연결이 거부되었습니다(%1)</translation>
    </message>
    <message>
        <source>could not connect to %1: %2</source>
        <translation>%1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the SMTP server at %1 does not offer or refused STARTTLS (%2)</source>
        <translation>%1의 SMTP 서버가 STARTTLS를 제공하지 않거나 거부했습니다(%2)</translation>
    </message>
    <message>
        <source>not an SMTP server at %1: %2</source>
        <translation>%1은(는) SMTP 서버가 아닙니다: %2</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS 핸드셰이크 실패: %1</translation>
    </message>
</context>
<context>
    <name>SyntaxHighlighterService</name>
    <message>
        <source>Shown without highlighting: install kate-syntax-highlighter (Debian: libkf5syntaxhighlighting-tools) or ksyntaxhighlighter6.</source>
        <translation>강조 표시 없이 표시됨: kate-syntax-highlighter(Debian: libkf5syntaxhighlighting-tools) 또는 ksyntaxhighlighter6을 설치하세요.</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>%1을(를) 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>Too large to highlight (%1 KiB; the limit is %2 KiB).</source>
        <translation>너무 커서 강조 표시할 수 없습니다(%1 KiB, 제한 %2 KiB).</translation>
    </message>
    <message>
        <source>The highlighter did not answer within %1 ms.</source>
        <translation>하이라이터가 %1 ms 안에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>it crashed</source>
        <translation>비정상 종료됨</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>종료 코드 %1</translation>
    </message>
    <message>
        <source>The highlighter failed: %1</source>
        <translation>하이라이터 실패: %1</translation>
    </message>
    <message>
        <source>The highlighter could not be started: %1</source>
        <translation>하이라이터를 시작할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Correction of #%1: %2</source>
        <translation>#%1 정정: %2</translation>
    </message>
    <message>
        <source>Corrected by a later entry: %1</source>
        <translation>이후 항목으로 정정됨: %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>발생 시각</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>작성자</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>기록 시각</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Not recorded: %1</source>
        <translation>기록하지 못함: %1</translation>
    </message>
    <message>
        <source>Select the entry to correct first.</source>
        <translation>정정할 항목을 먼저 선택하세요.</translation>
    </message>
    <message>
        <source>Correct entry #%1</source>
        <translation>항목 #%1 정정</translation>
    </message>
    <message>
        <source>Corrected text (the entry stays in the history; occurred-at becomes the back-date):</source>
        <translation>정정된 내용 (원래 항목은 기록에 남고, 발생 시각은 소급 시각으로 적용됩니다):</translation>
    </message>
    <message>
        <source>Corrected text (the entry stays in the history):</source>
        <translation>정정된 내용 (원래 항목은 기록에 남습니다):</translation>
    </message>
    <message>
        <source>Not corrected: %1</source>
        <translation>정정하지 못함: %1</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>모든 항목</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Status and severity</source>
        <translation>상태 및 심각도</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Field updates</source>
        <translation>필드 변경</translation>
    </message>
    <message>
        <source>Automatic events</source>
        <translation>자동 이벤트</translation>
    </message>
    <message>
        <source>Show corrected entries</source>
        <translation>정정된 항목 표시</translation>
    </message>
    <message>
        <source>Type a note and press Enter</source>
        <translation>메모를 입력하고 Enter 키를 누르세요</translation>
    </message>
    <message>
        <source>Occurred at</source>
        <translation>발생 시각</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>정정…</translation>
    </message>
    <message>
        <source>Jump to time</source>
        <translation>시각으로 이동</translation>
    </message>
    <message>
        <source>Notifications and escalation</source>
        <translation>알림 및 에스컬레이션</translation>
    </message>
</context>
<context>
    <name>TrayIncidentMenu</name>
    <message>
        <source>Acknowledge #%1 %2 (%3)</source>
        <translation>인지 #%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Show OpsDeck</source>
        <translation>OpsDeck 보기</translation>
    </message>
</context>
<context>
    <name>TrustCommand</name>
    <message>
        <source>This workspace sends secrets, each only to these hosts:</source>
        <translation>이 워크스페이스는 비밀 값을 보내며, 각각 아래 호스트로만 보냅니다:</translation>
    </message>
    <message>
        <source>This workspace runs commands on this computer:</source>
        <translation>이 워크스페이스는 이 컴퓨터에서 명령을 실행합니다:</translation>
    </message>
    <message>
        <source>y</source>
        <translation>예</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>%1: the workspace is not valid; nothing was trusted</source>
        <translation>%1: 워크스페이스가 올바르지 않아 아무것도 신뢰하지 않았습니다</translation>
    </message>
    <message>
        <source>%1 sends no secret and runs no command: nothing to trust.</source>
        <translation>%1은(는) 비밀 값을 보내지 않고 명령도 실행하지 않습니다: 신뢰할 것이 없습니다.</translation>
    </message>
    <message>
        <source>This version of %1 is already trusted.</source>
        <translation>이 버전의 %1은(는) 이미 신뢰되었습니다.</translation>
    </message>
    <message>
        <source>Trusted this version of %1 (--yes).</source>
        <translation>이 버전의 %1을(를) 신뢰했습니다(--yes).</translation>
    </message>
    <message>
        <source>Not trusted: no one to ask (use --yes).</source>
        <translation>신뢰하지 않음: 물어볼 사람이 없습니다(--yes 사용).</translation>
    </message>
    <message>
        <source>Trust this version of %1? [y/N] </source>
        <translation>이 버전의 %1을(를) 신뢰할까요? [y/N] </translation>
    </message>
    <message>
        <source>Not trusted.</source>
        <translation>신뢰하지 않음.</translation>
    </message>
    <message>
        <source>Trusted this version of %1.</source>
        <translation>이 버전의 %1을(를) 신뢰했습니다.</translation>
    </message>
    <message>
        <source>Not trusted (no answer).</source>
        <translation>신뢰하지 않음(응답 없음).</translation>
    </message>
</context>
<context>
    <name>WaitExecutor</name>
    <message numerus="yes">
        <source>%1 still %2 after %3 (%n poll(s))</source>
        <translation>
            <numerusform>%3 후에도 %1이(가) 여전히 %2 상태 (폴링 %n회)</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting until %1 is OK (every %2, at most %3)</source>
        <translation>%1이(가) 정상이 될 때까지 대기 중 (%2마다, 최대 %3)</translation>
    </message>
    <message>
        <source>poll %1: %2 — %3</source>
        <translation>폴링 %1: %2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 is OK after %n poll(s)</source>
        <translation>
            <numerusform>폴링 %n회 후 %1 정상</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
</context>
<context>
    <name>WarRoomKpiBoard</name>
    <message>
        <source>Page %1/%2</source>
        <translation>%1/%2 페이지</translation>
    </message>
</context>
<context>
    <name>WarRoomWindow</name>
    <message>
        <source>OpsDeck war room</source>
        <translation>OpsDeck 워룸</translation>
    </message>
    <message>
        <source>War room</source>
        <translation>워룸</translation>
    </message>
    <message>
        <source>War room — %1</source>
        <translation>워룸 — %1</translation>
    </message>
    <message>
        <source>No open incident</source>
        <translation>진행 중인 장애 없음</translation>
    </message>
    <message>
        <source>OFFLINE: the team database cannot be reached; this screen may be out of date</source>
        <translation>오프라인: 팀 데이터베이스에 연결할 수 없어 이 화면은 최신이 아닐 수 있습니다</translation>
    </message>
    <message>
        <source>Acknowledge (stops the escalation)</source>
        <translation>인지 (에스컬레이션 중지)</translation>
    </message>
</context>
<context>
    <name>WorkspaceLoader</name>
    <message>
        <source>expected a size like 512KiB or 1MiB, got &quot;%1&quot;</source>
        <translation>512KiB나 1MiB 같은 크기가 필요합니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>verify names an endpoint or a KPI, not both</source>
        <translation>verify에는 엔드포인트나 KPI 중 하나만 지정하세요</translation>
    </message>
    <message>
        <source>expected an &quot;endpoint&quot; or a &quot;kpi&quot; key</source>
        <translation>&quot;endpoint&quot; 또는 &quot;kpi&quot; 키가 필요합니다</translation>
    </message>
    <message>
        <source>duplicate item id &quot;%1&quot; (first defined on line %2)</source>
        <translation>항목 ID &quot;%1&quot;이(가) 중복됩니다(처음 정의: %2행)</translation>
    </message>
    <message>
        <source>duplicate checklist id &quot;%1&quot; (first defined on line %2)</source>
        <translation>체크리스트 ID &quot;%1&quot;이(가) 중복됩니다(처음 정의: %2행)</translation>
    </message>
    <message>
        <source>expected at least one item</source>
        <translation>항목이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>경고: </translation>
    </message>
    <message>
        <source>expected a duration like 30s, got &quot;%1&quot;</source>
        <translation>30s 같은 기간이 필요합니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>a duration cannot be negative, got &quot;%1&quot;</source>
        <translation>기간은 음수일 수 없습니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>duration &quot;%1&quot; is too long</source>
        <translation>기간 &quot;%1&quot;이(가) 너무 깁니다</translation>
    </message>
    <message>
        <source>duplicate endpoint name &quot;%1&quot; (first defined on line %2)</source>
        <translation>엔드포인트 이름 &quot;%1&quot;이(가) 중복됩니다(처음 정의: %2행)</translation>
    </message>
    <message>
        <source>duplicate severity id &quot;%1&quot; (first defined on line %2)</source>
        <translation>심각도 ID &quot;%1&quot;이(가) 중복됩니다(처음 정의: %2행)</translation>
    </message>
    <message>
        <source>expected a postgresql:// URL (or no storage key for local storage), got &quot;%1&quot;</source>
        <translation>postgresql:// URL이 필요합니다(로컬 저장소는 storage 키를 생략). 입력: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected at least one severity (leave the key out for the default P0-P3)</source>
        <translation>심각도가 하나 이상 필요합니다(기본 P0-P3를 쓰려면 키를 생략하세요)</translation>
    </message>
    <message>
        <source>expected a quantile between 0 and 1, got %1</source>
        <translation>0과 1 사이의 분위수가 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>missing required key &quot;%1&quot;</source>
        <translation>필수 키 &quot;%1&quot;이(가) 없습니다</translation>
    </message>
    <message>
        <source>expected an objective in percent between 0 and 100 like 99.9, got %1</source>
        <translation>99.9처럼 0에서 100 사이의 목표 백분율이 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>a KPI has one source, got both &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>KPI의 소스는 하나여야 하는데 &quot;%1&quot;과(와) &quot;%2&quot;가 모두 있습니다</translation>
    </message>
    <message>
        <source>expected a source: one of prometheus, metrics, json, probe, error-budget</source>
        <translation>소스가 필요합니다: prometheus, metrics, json, probe, error-budget 중 하나</translation>
    </message>
    <message>
        <source>warn (%1) is above crit (%2): with direction above, higher values are worse</source>
        <translation>warn(%1)이 crit(%2)보다 큽니다. direction이 above이면 값이 클수록 나쁩니다</translation>
    </message>
    <message>
        <source>warn (%1) is below crit (%2): with direction below, lower values are worse</source>
        <translation>warn(%1)이 crit(%2)보다 작습니다. direction이 below이면 값이 작을수록 나쁩니다</translation>
    </message>
    <message>
        <source>duplicate KPI id &quot;%1&quot; (first defined on line %2)</source>
        <translation>KPI ID &quot;%1&quot;이(가) 중복됩니다(처음 정의: %2행)</translation>
    </message>
    <message>
        <source>expected a command like [kubectl, ...]</source>
        <translation>[kubectl, ...] 같은 명령이 필요합니다</translation>
    </message>
    <message>
        <source>duplicate step id &quot;%1&quot; (first defined on line %2)</source>
        <translation>단계 ID &quot;%1&quot;이(가) 중복됩니다(처음 정의: %2행)</translation>
    </message>
    <message>
        <source>missing step kind: expected one of check, http, wait-until-healthy, manual, command</source>
        <translation>단계 종류가 없습니다: check, http, wait-until-healthy, manual, command 중 하나가 필요합니다</translation>
    </message>
    <message>
        <source>a step has one kind, got both &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>단계의 종류는 하나여야 하는데 &quot;%1&quot;과(와) &quot;%2&quot;가 모두 있습니다</translation>
    </message>
    <message>
        <source>duplicate runbook id &quot;%1&quot; (first defined on line %2)</source>
        <translation>런북 ID &quot;%1&quot;이(가) 중복됩니다(처음 정의: %2행)</translation>
    </message>
    <message>
        <source>expected at least one step</source>
        <translation>단계가 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>expected days of the month from 1 to 31 like 1,15, got &quot;%1&quot;</source>
        <translation>1,15처럼 1에서 31 사이의 날짜가 필요합니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>expected weekdays like mon,fri (mon, tue, wed, thu, fri, sat, sun), got &quot;%1&quot;</source>
        <translation>mon,fri 같은 요일이 필요합니다(mon, tue, wed, thu, fri, sat, sun). 입력: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a schedule like &quot;daily 09:00&quot;, &quot;weekly mon,fri 09:00&quot;, &quot;monthly 1&quot; or &quot;on-demand&quot;, got &quot;%1&quot;</source>
        <translation>&quot;daily 09:00&quot;, &quot;weekly mon,fri 09:00&quot;, &quot;monthly 1&quot;, &quot;on-demand&quot; 같은 일정이 필요합니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>malformed reference &quot;%1&quot;: expected ${NAME} where NAME is letters, digits and _ and does not start with a digit</source>
        <translation>잘못된 참조 &quot;%1&quot;: ${NAME} 형식이어야 하며, NAME은 문자, 숫자, _로 이루어지고 숫자로 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>expected a time like 09:00, got &quot;%1&quot;</source>
        <translation>09:00 같은 시각이 필요합니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>경고 1건</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>경고 %1건</translation>
    </message>
    <message>
        <source>OK (%1, %2, %3, %4)</source>
        <translation>정상 (%1, %2, %3, %4)</translation>
    </message>
    <message>
        <source>1 endpoint</source>
        <translation>엔드포인트 1개</translation>
    </message>
    <message>
        <source>%1 endpoints</source>
        <translation>엔드포인트 %1개</translation>
    </message>
    <message>
        <source>1 KPI</source>
        <translation>KPI 1개</translation>
    </message>
    <message>
        <source>%1 KPIs</source>
        <translation>KPI %1개</translation>
    </message>
    <message>
        <source>1 checklist</source>
        <translation>체크리스트 1개</translation>
    </message>
    <message>
        <source>%1 checklists</source>
        <translation>체크리스트 %1개</translation>
    </message>
    <message>
        <source>1 runbook</source>
        <translation>런북 1개</translation>
    </message>
    <message>
        <source>%1 runbooks</source>
        <translation>런북 %1개</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>오류 1건</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>오류 %1건</translation>
    </message>
    <message>
        <source>unknown endpoint &quot;%1&quot;</source>
        <translation>알 수 없는 엔드포인트 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown KPI &quot;%1&quot;</source>
        <translation>알 수 없는 KPI &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown runbook &quot;%1&quot;</source>
        <translation>알 수 없는 런북 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>파일을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>파일이 UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>only the first YAML document is read; the file has %1</source>
        <translation>첫 번째 YAML 문서만 읽습니다. 이 파일에는 %1개가 있습니다</translation>
    </message>
    <message>
        <source>invalid YAML: %1</source>
        <translation>잘못된 YAML: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>값 없음</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>매핑</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>expected a mapping, got %1</source>
        <translation>매핑이 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>expected a key name, got %1</source>
        <translation>키 이름이 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>key &quot;%1&quot; is repeated (first on line %2)</source>
        <translation>키 &quot;%1&quot;이(가) 반복됩니다(처음: %2행)</translation>
    </message>
    <message>
        <source>Gatus key &quot;%1&quot; is not supported by OpsDeck and is ignored</source>
        <translation>Gatus 키 &quot;%1&quot;은(는) OpsDeck에서 지원하지 않아 무시합니다</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>알 수 없는 키 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a list, got %1</source>
        <translation>목록이 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>문자열이 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>expected a non-empty string, got %1</source>
        <translation>비어 있지 않은 문자열이 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; (expected en or ko)</source>
        <translation>알 수 없는 언어 &quot;%1&quot;(en 또는 ko만 가능)</translation>
    </message>
    <message>
        <source>expected text or { en: ..., ko: ... }, got %1</source>
        <translation>텍스트 또는 { en: ..., ko: ... }가 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>expected a non-empty text</source>
        <translation>비어 있지 않은 텍스트가 필요합니다</translation>
    </message>
    <message>
        <source>expected a duration like 30s, got %1</source>
        <translation>30s 같은 기간이 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>expected a duration longer than zero like 30s, got &quot;%1&quot;</source>
        <translation>30s처럼 0보다 긴 기간이 필요합니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>숫자가 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, got %3</source>
        <translation>%1에서 %2 사이의 정수가 필요합니다(입력: %3)</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>true 또는 false가 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>expected one of: %1, got %2</source>
        <translation>다음 중 하나가 필요합니다: %1(입력: %2)</translation>
    </message>
    <message>
        <source>expected a list of strings, got %1</source>
        <translation>문자열 목록이 필요합니다(입력: %1)</translation>
    </message>
    <message>
        <source>expected one of: %1, got &quot;%2&quot;</source>
        <translation>다음 중 하나가 필요합니다: %1(입력: &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL, got &quot;%1&quot;</source>
        <translation>http:// 또는 https:// URL이 필요합니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>invalid condition &quot;%1&quot;: %2</source>
        <translation>잘못된 조건 &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; after the end of the document</source>
        <translation>문서가 끝난 뒤에 예상하지 못한 &quot;%1&quot;이(가) 있습니다</translation>
    </message>
    <message>
        <source>more than %1 YAML documents</source>
        <translation>YAML 문서가 %1개보다 많습니다</translation>
    </message>
    <message>
        <source>an alias inside the node it refers to (a cycle)</source>
        <translation>별칭이 자신이 가리키는 노드 안에 있습니다(순환)</translation>
    </message>
    <message>
        <source>more than %1 YAML nodes (an alias counts as a copy of what it refers to)</source>
        <translation>YAML 노드가 %1개보다 많습니다(별칭은 가리키는 내용의 복사본으로 셉니다)</translation>
    </message>
    <message>
        <source>parsing took longer than %1 ms</source>
        <translation>파싱이 %1ms보다 오래 걸렸습니다</translation>
    </message>
    <message>
        <source>mappings and lists nested deeper than %1 levels</source>
        <translation>매핑과 목록이 %1단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>the file is %1 MB; a workspace file may be at most %2 MB</source>
        <translation>파일 크기가 %1MB입니다. 워크스페이스 파일은 최대 %2MB까지 허용됩니다</translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; is declared twice (first on line %2)</source>
        <translation>비밀 &quot;%1&quot;이(가) 두 번 선언되었습니다(처음 선언: %2번째 줄)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a secret name: letters, digits and _, not starting with a digit</source>
        <translation>&quot;%1&quot;은(는) 비밀 이름이 아닙니다: 영문자, 숫자, _만 쓰고 숫자로 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>secret &quot;${%1}&quot; is not declared: add it to the top-level secrets list</source>
        <translation>비밀 &quot;${%1}&quot;이(가) 선언되지 않았습니다: 최상위 secrets 목록에 추가하세요</translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; is declared but not used</source>
        <translation>비밀 &quot;%1&quot;이(가) 선언되었지만 사용되지 않습니다</translation>
    </message>
    <message>
        <source>duplicate provider id &quot;%1&quot; (first defined on line %2)</source>
        <translation>제공자 id &quot;%1&quot; 중복 (처음 정의: %2행)</translation>
    </message>
    <message>
        <source>unknown provider kind &quot;%1&quot; (expected one of: %2)</source>
        <translation>알 수 없는 제공자 종류 &quot;%1&quot; (가능한 값: %2)</translation>
    </message>
    <message>
        <source>expected a time-of-day window like 09:00-18:00, got &quot;%1&quot;</source>
        <translation>09:00-18:00 같은 시간대가 필요하지만 &quot;%1&quot;입니다</translation>
    </message>
    <message>
        <source>duplicate route id &quot;%1&quot; (first defined on line %2)</source>
        <translation>라우트 id &quot;%1&quot; 중복 (처음 정의: %2행)</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot;</source>
        <translation>알 수 없는 제공자 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the route sends nowhere: give its providers with to: [provider ids]</source>
        <translation>라우트에 보낼 곳이 없습니다: to: [제공자 id]로 제공자를 지정하세요</translation>
    </message>
    <message>
        <source>expected an smtp:// or smtps:// URL, got &quot;%1&quot;</source>
        <translation>smtp:// 또는 smtps:// URL이어야 하는데 &quot;%1&quot;입니다</translation>
    </message>
    <message>
        <source>an email provider needs options.from: one address, got &quot;%1&quot;</source>
        <translation>이메일 제공자의 options.from에는 주소 하나가 필요한데 &quot;%1&quot;입니다</translation>
    </message>
    <message>
        <source>an email provider needs options.to: addresses separated by commas, got &quot;%1&quot;</source>
        <translation>이메일 제공자의 options.to에는 쉼표로 구분한 주소가 필요한데 &quot;%1&quot;입니다</translation>
    </message>
    <message>
        <source>starttls: false would send the login in clear text; use TLS or remove the login</source>
        <translation>starttls: false이면 로그인 정보가 평문으로 전송됩니다. TLS를 쓰거나 로그인 정보를 지우세요</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot;: %2 does not apply to a %3 endpoint</source>
        <translation>조건 &quot;%1&quot;: %2은(는) %3 엔드포인트에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>a dns:// endpoint needs a dns: map with query-name and query-type</source>
        <translation>dns:// 엔드포인트에는 query-name과 query-type이 있는 dns: 매핑이 필요합니다</translation>
    </message>
    <message>
        <source>dns: applies only to a dns:// url</source>
        <translation>dns:는 dns:// url에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>unknown query-type &quot;%1&quot;; expected one of %2</source>
        <translation>알 수 없는 query-type &quot;%1&quot;; %2 중 하나가 필요합니다</translation>
    </message>
    <message>
        <source>unknown scheme &quot;%1&quot; in &quot;%2&quot;; expected http, https, tcp, tls, starttls, dns or icmp</source>
        <translation>&quot;%2&quot;의 알 수 없는 스킴 &quot;%1&quot;; http, https, tcp, tls, starttls, dns, icmp 중 하나가 필요합니다</translation>
    </message>
    <message>
        <source>not applicable: a runbook step checks an endpoint over HTTP, and &quot;%1&quot; is a %2:// endpoint; use an http(s) endpoint, or a command step (such as pg_isready) for this service</source>
        <translation>적용할 수 없음: 런북 단계는 엔드포인트를 HTTP로 점검하는데 &quot;%1&quot;은(는) %2:// 엔드포인트입니다. http(s) 엔드포인트를 쓰거나, 이 서비스에는 명령 단계(예: pg_isready)를 쓰세요</translation>
    </message>
    <message>
        <source>expected exactly one of endpoint: or group:</source>
        <translation>endpoint: 또는 group: 중 정확히 하나가 필요합니다</translation>
    </message>
    <message>
        <source>duplicate group &quot;%1&quot; (first defined on line %2)</source>
        <translation>중복된 그룹 &quot;%1&quot; (처음 정의: %2행)</translation>
    </message>
    <message>
        <source>unknown group &quot;%1&quot;: no endpoint has it as its group</source>
        <translation>알 수 없는 그룹 &quot;%1&quot;: 이 그룹에 속한 엔드포인트가 없습니다</translation>
    </message>
    <message>
        <source>unknown endpoint or group &quot;%1&quot;</source>
        <translation>알 수 없는 엔드포인트 또는 그룹 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; depends on itself</source>
        <translation>&quot;%1&quot;이(가) 자기 자신에 의존합니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; depends on its own group &quot;%2&quot;</source>
        <translation>&quot;%1&quot;이(가) 자신의 그룹 &quot;%2&quot;에 의존합니다</translation>
    </message>
    <message>
        <source>group &quot;%1&quot; depends on itself</source>
        <translation>그룹 &quot;%1&quot;이(가) 자기 자신에 의존합니다</translation>
    </message>
    <message>
        <source>group &quot;%1&quot; depends on its own endpoint &quot;%2&quot;</source>
        <translation>그룹 &quot;%1&quot;이(가) 자신의 엔드포인트 &quot;%2&quot;에 의존합니다</translation>
    </message>
    <message>
        <source>dependency cycle: %1</source>
        <translation>의존성 순환: %1</translation>
    </message>
    <message>
        <source>critical-when &quot;%1&quot;: expected &quot;any&quot; or &quot;N of M locations&quot; (e.g. 2 of 3 locations)</source>
        <translation>critical-when &quot;%1&quot;: &quot;any&quot; 또는 &quot;N of M locations&quot;가 필요합니다(예: 2 of 3 locations)</translation>
    </message>
    <message>
        <source>critical-when &quot;%1&quot;: N must be between 1 and M (the number of locations)</source>
        <translation>critical-when &quot;%1&quot;: N은 1과 M(위치 수) 사이여야 합니다</translation>
    </message>
    <message>
        <source>groups: expected a map of group names to rules (e.g. api: 2 of 3 locations)</source>
        <translation>groups: 그룹 이름과 규칙의 맵이 필요합니다(예: api: 2 of 3 locations)</translation>
    </message>
    <message>
        <source>no endpoint is in group &quot;%1&quot;: its rule applies to none</source>
        <translation>&quot;%1&quot; 그룹에 엔드포인트가 없습니다: 이 규칙은 적용되지 않습니다</translation>
    </message>
    <message>
        <source>route ids starting with &quot;escalation:&quot; are reserved</source>
        <translation>&quot;escalation:&quot;으로 시작하는 라우트 id는 예약되어 있습니다</translation>
    </message>
</context>
</TS>
