<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- SPDX-FileCopyrightText: 2026 OpsDeck authors -->
<!-- SPDX-License-Identifier: GPL-3.0-or-later -->
<!-- Test-only Korean labels for the post-mortem golden file (seed 000's headings); the app's own translations live in translations/. -->
<TS version="2.1" language="ko_KR">
<context>
    <name>IncidentExport</name>
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
        <source>Open</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(기록 없음)</translation>
    </message>
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
</context>
<context>
    <name>IncidentTimeline</name>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Opened as %1</source>
        <translation>%1 상태로 열림</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
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
</context>
</TS>
