<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- SPDX-FileCopyrightText: 2026 OpsDeck authors -->
<!-- SPDX-License-Identifier: GPL-3.0-or-later -->
<!-- Test-only Korean labels for the export golden file; the app's own translations live in translations/. -->
<TS version="2.1" language="ko_KR">
<context>
    <name>ChecklistExport</name>
    <message>
        <source>Period: %1</source>
        <translation>기간: %1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>기한: %1</translation>
    </message>
    <message>
        <source>Signed by %1 at %2</source>
        <translation>%2에 %1 서명</translation>
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
        <source>ticked</source>
        <translation>체크</translation>
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
        <source>%1 by %2 at %3</source>
        <translation>%3 %2 %1</translation>
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
        <translation>%1: 확인 안 됨 (아직 점검 결과 없음)</translation>
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
        <translation>이력</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>%1 (conflict, not applied)</source>
        <translation>%1 (충돌, 적용 안 됨)</translation>
    </message>
</context>
</TS>
